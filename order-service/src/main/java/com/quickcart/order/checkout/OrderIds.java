package com.quickcart.order.checkout;

import java.security.SecureRandom;

/** Order and deposit ids: a prefix and 10 unambiguous characters (no 0/O, 1/I), Pakasir-safe. */
public final class OrderIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String next(String prefix) {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "-" + new String(id);
    }

    private OrderIds() {
    }
}
