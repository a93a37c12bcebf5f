package com.quickcart.common.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.util.List;

/**
 * Stops a service before it opens a port or a connection when it would run outside the local
 * profile with an unsafe setting (see {@link ProductionSettings}). Runs after the service's own
 * configuration file and the profiles are known, so it sees exactly the values the service would use.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(ProductionSettings.LOCAL_PROFILE))) {
            return;
        }
        List<String> problems = ProductionSettings.problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettings(problems);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
