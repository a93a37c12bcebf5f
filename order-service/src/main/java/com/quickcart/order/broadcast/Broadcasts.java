package com.quickcart.order.broadcast;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * order-service's broadcasts: drafts being composed, then the broadcast the operator confirmed
 * (its audience, frozen at that moment, leaves for the notifier in chunks), its last reported
 * progress and its outcome. State changes are guarded, so a double tap or a repeated event
 * changes nothing.
 */
@Repository
public class Broadcasts {

    private final JdbcClient jdbc;

    public Broadcasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long createDraft(long operatorId, long chatId, String text, String photoFileId, Integer photoMessageId) {
        return jdbc.sql("""
                        INSERT INTO broadcasts (operator_id, operator_chat_id, text, photo_file_id, photo_message_id)
                        VALUES (:operator, :chat, :text, :photo, :photoMessage) RETURNING id""")
                .param("operator", operatorId).param("chat", chatId).param("text", text == null ? "" : text)
                .param("photo", photoFileId).param("photoMessage", photoMessageId)
                .query(Long.class).single();
    }

    public Optional<Broadcast> find(long id) {
        return jdbc.sql("SELECT * FROM broadcasts WHERE id = :id").param("id", id)
                .query((rs, n) -> new Broadcast(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("operator_chat_id"),
                        rs.getString("text"), rs.getString("photo_file_id"), (Integer) rs.getObject("photo_message_id"),
                        rs.getString("button_label"), rs.getString("button_url"),
                        rs.getString("audience") == null ? null : Audience.valueOf(rs.getString("audience")), rs.getLong("audience_param"),
                        rs.getInt("recipients"), (Integer) rs.getObject("progress_message_id"), rs.getString("state"),
                        rs.getInt("sent"), rs.getInt("blocked"), rs.getInt("failed"), rs.getInt("remaining"), rs.getDouble("per_second")))
                .optional();
    }

    public boolean setLink(long id, String label, String url) {
        return jdbc.sql("UPDATE broadcasts SET button_label = :label, button_url = :url WHERE id = :id AND state = 'DRAFT'")
                .param("label", label).param("url", url).param("id", id).update() == 1;
    }

    public boolean setAudience(long id, Audience audience, long param, int recipients) {
        return jdbc.sql("""
                        UPDATE broadcasts SET audience = :audience, audience_param = :param, recipients = :recipients
                        WHERE id = :id AND state = 'DRAFT'""")
                .param("audience", audience.name()).param("param", param).param("recipients", recipients).param("id", id)
                .update() == 1;
    }

    /** Everyone the audience names right now, banned and unreachable users left out. */
    public List<Long> audience(Audience audience, long param) {
        var query = jdbc.sql("SELECT u.telegram_id FROM users u WHERE NOT u.banned AND NOT u.unreachable AND "
                + audience.condition() + " ORDER BY u.telegram_id");
        if (audience.takesParam()) {
            query = query.param("param", param);
        }
        return query.query(Long.class).list();
    }

    public int count(Audience audience, long param) {
        var query = jdbc.sql("SELECT count(*) FROM users u WHERE NOT u.banned AND NOT u.unreachable AND " + audience.condition());
        if (audience.takesParam()) {
            query = query.param("param", param);
        }
        return query.query(Integer.class).single();
    }

    /** DRAFT → SENDING with its frozen recipient count and the message that will show its progress; false if already started. */
    public boolean start(long id, int recipients, int progressMessageId) {
        return jdbc.sql("""
                        UPDATE broadcasts SET state = 'SENDING', recipients = :recipients, remaining = :recipients,
                               progress_message_id = :message, started_at = now()
                        WHERE id = :id AND state = 'DRAFT' AND audience IS NOT NULL""")
                .param("recipients", recipients).param("message", progressMessageId).param("id", id).update() == 1;
    }

    public boolean discard(long id) {
        return jdbc.sql("UPDATE broadcasts SET state = 'DISCARDED' WHERE id = :id AND state = 'DRAFT'").param("id", id).update() == 1;
    }

    /** A guarded move between SENDING, PAUSED and CANCELLED; false when the broadcast is not in {@code from}. */
    public boolean move(long id, String from, String to) {
        return jdbc.sql("UPDATE broadcasts SET state = :to WHERE id = :id AND state = :from")
                .param("to", to).param("from", from).param("id", id).update() == 1;
    }

    public void recordProgress(long id, int sent, int blocked, int failed, int remaining, double perSecond) {
        jdbc.sql("""
                        UPDATE broadcasts SET sent = :sent, blocked = :blocked, failed = :failed, remaining = :remaining, per_second = :rate
                        WHERE id = :id""")
                .param("sent", sent).param("blocked", blocked).param("failed", failed).param("remaining", remaining)
                .param("rate", perSecond).param("id", id).update();
    }

    /** The outcome, once: true for the one caller that recorded it. */
    public boolean finish(long id, String state) {
        return jdbc.sql("""
                        UPDATE broadcasts SET state = :state, finished_at = now()
                        WHERE id = :id AND state IN ('SENDING', 'PAUSED', 'CANCELLED') AND finished_at IS NULL""")
                .param("state", state).param("id", id).update() == 1;
    }

    public record Broadcast(long id, long operatorId, long operatorChatId, String text, String photoFileId, Integer photoMessageId,
                            String buttonLabel, String buttonUrl, Audience audience, long audienceParam, int recipients,
                            Integer progressMessageId, String state, int sent, int blocked, int failed, int remaining,
                            double perSecond) {

        public boolean hasLink() {
            return buttonUrl != null;
        }

        public boolean isDraft() {
            return "DRAFT".equals(state);
        }

        public boolean finishedOrDiscarded() {
            return "FINISHED".equals(state) || "DISCARDED".equals(state);
        }
    }
}
