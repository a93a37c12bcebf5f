package com.quickcart.common.events;

/** Reads the wire name of a contract record. */
public final class Contracts {

    public static EventContract of(Class<?> contract) {
        EventContract meta = contract.getAnnotation(EventContract.class);
        if (meta == null) {
            throw new IllegalArgumentException(contract.getName() + " is not annotated with @EventContract");
        }
        return meta;
    }

    private Contracts() {
    }
}
