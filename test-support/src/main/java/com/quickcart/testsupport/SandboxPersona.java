package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * The people who can talk to the bot in the sandbox chat: a few customers and one store
 * operator. Each is a Telegram user with a private chat of their own (chat id = user id).
 */
public record SandboxPersona(long id, String firstName, String username, String language, boolean operator) {

    /** The operator's Telegram id; the local run puts it in {@code ADMIN_IDS} (deploy/local/up.sh) when that is unset. */
    public static final long OPERATOR_ID = 700_000_009L;

    public static final List<SandboxPersona> ALL = List.of(
            new SandboxPersona(700_000_001L, "Siti", "siti_sandbox", "en", false),
            new SandboxPersona(700_000_002L, "Budi", "budi_sandbox", "id", false),
            new SandboxPersona(700_000_003L, "Andi", "andi_sandbox", "en", false),
            new SandboxPersona(OPERATOR_ID, "Rina", "rina_operator", "en", true));

    public static Optional<SandboxPersona> byId(long id) {
        return ALL.stream().filter(p -> p.id == id).findFirst();
    }

    /** As Telegram writes the sender of an update. */
    ObjectNode telegramUser() {
        return TelegramUpdates.user(id, firstName, username, language);
    }
}
