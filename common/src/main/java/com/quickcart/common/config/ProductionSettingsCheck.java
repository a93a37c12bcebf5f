package com.quickcart.common.config;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.util.List;

/**
 * Stops a service before it creates a bean, opens a port or a connection when it would run
 * outside the local profile with an unsafe setting (see {@link ProductionSettings}). It runs once
 * the context is prepared, when every property source is in place (the service's own file, the
 * profiles, and any source added while preparing, such as a test's dynamic properties), so it sees
 * exactly the values the service would use.
 */
public class ProductionSettingsCheck implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        check(event.getApplicationContext().getEnvironment());
    }

    /** Throws {@link UnsafeProductionSettings} naming every unsafe variable, unless the profile is local. */
    public static void check(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(ProductionSettings.LOCAL_PROFILE))) {
            return;
        }
        List<String> problems = ProductionSettings.problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettings(problems);
        }
    }
}
