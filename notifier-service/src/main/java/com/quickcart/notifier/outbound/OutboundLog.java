package com.quickcart.notifier.outbound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/**
 * What the bot sent and how it went. It holds the method and outcome, never the text: goods
 * travel in messages and must not be copied into another table.
 */
@Repository
public class OutboundLog {

    private final JdbcClient jdbc;

    public OutboundLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID eventId, long chatId, String method, SendOutcome outcome) {
        jdbc.sql("""
                        INSERT INTO outbound_log (event_id, chat_id, method, outcome, telegram_message_id, attempts, error)
                        VALUES (:eventId, :chatId, :method, :outcome, :messageId, :attempts, :error)
                        """)
                .param("eventId", eventId)
                .param("chatId", chatId)
                .param("method", method)
                .param("outcome", outcome.status().name())
                .param("messageId", outcome.telegramMessageId())
                .param("attempts", outcome.attempts())
                .param("error", outcome.error())
                .update();
    }

    public long countSent(long chatId) {
        return jdbc.sql("SELECT count(*) FROM outbound_log WHERE chat_id = :chatId AND outcome = 'SENT'")
                .param("chatId", chatId).query(Long.class).single();
    }
}
