package com.quickcart.order.account;

import java.util.regex.Pattern;

/**
 * Checks what a user types for their profile. A bad value is not an error: it yields the
 * bundle key of a clear re-prompt.
 */
public final class ProfileInput {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}$");
    /** Indonesian mobile numbers: 8 then 8 to 11 digits after the country code. */
    private static final Pattern ID_MOBILE = Pattern.compile("^8\\d{8,11}$");

    public record Result(String value, String errorKey) {
        public boolean ok() {
            return errorKey == null;
        }

        static Result valid(String value) {
            return new Result(value, null);
        }

        static Result invalid(String errorKey) {
            return new Result(null, errorKey);
        }
    }

    public static Result check(UserAccounts.ProfileField field, String raw) {
        String text = raw == null ? "" : raw.strip();
        return switch (field) {
            case NAME -> name(text);
            case WHATSAPP -> whatsapp(text);
            case EMAIL -> email(text);
        };
    }

    static Result name(String text) {
        if (text.isEmpty() || text.length() > 64 || text.codePoints().anyMatch(Character::isISOControl) || text.startsWith("/")) {
            return Result.invalid("input.name.invalid");
        }
        return Result.valid(text);
    }

    /** Accepts 08…, 628…, +628… with spaces, dashes or dots; stores +628…. */
    static Result whatsapp(String text) {
        String digits = text.replaceAll("[\\s.()-]", "");
        String national;
        if (digits.startsWith("+62")) {
            national = digits.substring(3);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Result.invalid("input.whatsapp.invalid");
        }
        return ID_MOBILE.matcher(national).matches() ? Result.valid("+62" + national) : Result.invalid("input.whatsapp.invalid");
    }

    static Result email(String text) {
        return text.length() <= 254 && EMAIL.matcher(text).matches()
                ? Result.valid(text.toLowerCase(java.util.Locale.ROOT))
                : Result.invalid("input.email.invalid");
    }

    private ProfileInput() {
    }
}
