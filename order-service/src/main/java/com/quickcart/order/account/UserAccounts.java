package com.quickcart.order.account;

import com.quickcart.order.bot.Texts;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What the account feature lets every other part of order-service know and change about a
 * customer: who a chat belongs to, their profile, the language they read, whether they may use the
 * store. The SQL behind it ({@link Users}) is the account feature's own (docs/adr/0026).
 */
public interface UserAccounts {

    /** Records a user seen on Telegram; returns true on their first visit. */
    boolean register(long userId, String firstName, String username, String language);

    /** The user with this Telegram @username (without the @), if they have used the bot. */
    Optional<Long> findByUsername(String username);

    Optional<UserProfile> find(long userId);

    /**
     * The language a user reads: their profile's, else Indonesian (the store's own) for someone
     * the store has not met. Notices about their money, their goods and an operator's requests
     * reach a user in their private chat, whose id Telegram makes their user id.
     */
    default Locale locale(long userId) {
        return find(userId).map(p -> Texts.localeOf(p.language())).orElse(Texts.INDONESIAN);
    }

    void updateField(long userId, ProfileField field, String value);

    void completeOnboarding(long userId);

    void setLanguage(long userId, String language);

    /** Telegram answered 403 for this chat (blocked the bot, deleted the account): broadcasts skip them until they write again. */
    void markUnreachable(long userId);

    boolean isBanned(long userId);

    /** True when the flag changed. */
    boolean setBanned(long userId, boolean banned);

    void setRole(long userId, UserProfile.Role role);

    /** A profile field a user can set: its column and how its input is checked. */
    enum ProfileField {
        NAME("display_name"), WHATSAPP("whatsapp"), EMAIL("email");

        private final String column;

        ProfileField(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    record UserProfile(long id, String firstName, String username, String displayName, String whatsapp,
                       String email, Role role, String language, boolean onboardingDone, Instant memberSince,
                       long balance, long ordersCount) {

        public enum Role { CUSTOMER, RESELLER, ADMIN }

        /** The name the store calls the user by: what they chose, else "Anonymous" (a bundle key decides the word). */
        public boolean hasDisplayName() {
            return displayName != null && !displayName.isBlank();
        }
    }
}
