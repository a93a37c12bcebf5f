package com.quickcart.common.config;

import java.util.List;

/** A service refused to start: each problem names the environment variable to change. */
public class UnsafeProductionSettings extends IllegalStateException {

    private final List<String> problems;

    public UnsafeProductionSettings(List<String> problems) {
        super("refusing to start outside the local profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
