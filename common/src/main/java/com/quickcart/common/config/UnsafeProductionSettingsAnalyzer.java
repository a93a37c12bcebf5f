package com.quickcart.common.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused settings as Spring Boot's "APPLICATION FAILED TO START" report, one per line, without a stack trace. */
public class UnsafeProductionSettingsAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettings cause) {
        return new FailureAnalysis(
                "Unsafe settings for a store outside the local profile:\n  - " + String.join("\n  - ", cause.problems()),
                "Change the variables named above (docs/GOING-LIVE.md, production checklist), or run with "
                        + "SPRING_PROFILES_ACTIVE=local on a development machine.",
                cause);
    }
}
