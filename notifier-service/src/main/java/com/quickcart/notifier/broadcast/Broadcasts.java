package com.quickcart.notifier.broadcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.quickcart.common.events.order.BroadcastContent;
import com.quickcart.common.events.order.BroadcastControl;
import com.quickcart.common.events.order.BroadcastRecipients;
import com.quickcart.common.messaging.EventCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The notifier's copy of each broadcast and one row per recipient, so any number of instances
 * share the sending (rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease) and a
 * crash loses nothing. A recipient goes PENDING → SENDING (just before its Bot API call) → SENT,
 * BLOCKED or FAILED (after it), each step its own short statement, never around the call (ADR 16).
 * A row left SENDING by a dead instance is the one message that may reach its chat twice.
 */
@Repository
public class Broadcasts {

    private final JdbcClient jdbc;

    public Broadcasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one chunk of recipients (the caller runs it once per event, in the inbox's transaction). */
    public void store(BroadcastRecipients chunk) {
        jdbc.sql("""
                        INSERT INTO broadcasts (id, content, total, chunks)
                        VALUES (:id, CAST(:content AS jsonb), :total, :chunks)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", chunk.broadcastId()).param("content", json(chunk.content()))
                .param("total", chunk.total()).param("chunks", chunk.chunks())
                .update();
        jdbc.sql("""
                        INSERT INTO broadcast_recipients (broadcast_id, chat_id)
                        SELECT :id, chat_id FROM unnest(CAST(:chats AS bigint[])) AS chat_id
                        ON CONFLICT (broadcast_id, chat_id) DO NOTHING""")
                .param("id", chunk.broadcastId()).param("chats", chunk.chatIds().toArray(Long[]::new))
                .update();
        jdbc.sql("UPDATE broadcasts SET chunks_stored = chunks_stored + 1 WHERE id = :id").param("id", chunk.broadcastId()).update();
    }

    /**
     * Pause and resume flip the state (a paused broadcast's rows are claimed by nobody); cancel
     * also settles every recipient not yet tried, so the final report can follow the sends still
     * in flight. Returns false when the broadcast is unknown or the action does not apply.
     */
    public boolean control(BroadcastControl control) {
        String sql = switch (control.action()) {
            case PAUSE -> "UPDATE broadcasts SET state = 'PAUSED' WHERE id = :id AND state = 'RUNNING'";
            case RESUME -> "UPDATE broadcasts SET state = 'RUNNING' WHERE id = :id AND state = 'PAUSED'";
            case CANCEL -> "UPDATE broadcasts SET state = 'CANCELLED' WHERE id = :id AND state IN ('RUNNING', 'PAUSED')";
        };
        boolean changed = jdbc.sql(sql).param("id", control.broadcastId()).update() == 1;
        if (changed && control.action() == BroadcastControl.Action.CANCEL) {
            jdbc.sql("""
                            UPDATE broadcast_recipients SET state = 'CANCELLED', owner = NULL, lease_until = NULL, done_at = now()
                            WHERE broadcast_id = :id AND state = 'PENDING'""")
                    .param("id", control.broadcastId()).update();
        }
        return changed;
    }

    /**
     * Claims up to {@code limit} recipients of running broadcasts for {@code owner}: due PENDING
     * rows nobody holds, and SENDING rows whose holder's lease ran out (it died mid-call, so the
     * message may or may not have gone: sent again).
     */
    public List<Claimed> claim(UUID owner, int limit, Duration lease) {
        return jdbc.sql("""
                        UPDATE broadcast_recipients r SET owner = :owner, lease_until = now() + CAST(:lease AS interval)
                        WHERE r.id IN (
                          SELECT c.id FROM broadcast_recipients c JOIN broadcasts b ON b.id = c.broadcast_id
                          WHERE c.state IN ('PENDING', 'SENDING') AND c.next_attempt_at <= now()
                            AND (c.lease_until IS NULL OR c.lease_until < now()) AND b.state = 'RUNNING'
                          ORDER BY c.id LIMIT :limit
                          FOR UPDATE OF c SKIP LOCKED)
                        RETURNING r.id, r.broadcast_id, r.chat_id, r.attempts""")
                .param("owner", owner).param("lease", lease.toMillis() + " milliseconds").param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("broadcast_id"), rs.getLong("chat_id"), rs.getInt("attempts")))
                .list();
    }

    /** Keeps this instance's claims alive while it works through them. */
    public int renewLeases(UUID owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE broadcast_recipients SET lease_until = now() + CAST(:lease AS interval)
                        WHERE owner = :owner AND state IN ('PENDING', 'SENDING') AND lease_until IS NOT NULL""")
                .param("owner", owner).param("lease", lease.toMillis() + " milliseconds").update();
    }

    /**
     * Right before the Bot API call: still ours, still wanted, its broadcast still running. False
     * means the call must not be made (paused, cancelled, or the lease was lost to another instance).
     */
    public boolean markSending(long recipientId, UUID owner) {
        return jdbc.sql("""
                        UPDATE broadcast_recipients r SET state = 'SENDING', attempts = r.attempts + 1
                        FROM broadcasts b
                        WHERE r.id = :id AND r.owner = :owner AND r.state IN ('PENDING', 'SENDING')
                          AND b.id = r.broadcast_id AND b.state = 'RUNNING'""")
                .param("id", recipientId).param("owner", owner).update() == 1;
    }

    /** After the call: how it ended. Guarded by the owner, so a late finish after losing the lease changes nothing. */
    public boolean settle(long recipientId, UUID owner, String state, String error) {
        return jdbc.sql("""
                        UPDATE broadcast_recipients SET state = :state, error = :error, owner = NULL, lease_until = NULL, done_at = now()
                        WHERE id = :id AND owner = :owner AND state = 'SENDING'""")
                .param("state", state).param("error", error).param("id", recipientId).param("owner", owner).update() == 1;
    }

    /** A failure worth another try later: back to PENDING, due after {@code backoff}. */
    public void retryLater(long recipientId, UUID owner, Duration backoff, String error) {
        jdbc.sql("""
                        UPDATE broadcast_recipients SET state = 'PENDING', error = :error, owner = NULL, lease_until = NULL,
                               next_attempt_at = now() + CAST(:backoff AS interval)
                        WHERE id = :id AND owner = :owner AND state = 'SENDING'""")
                .param("error", error).param("backoff", backoff.toMillis() + " milliseconds")
                .param("id", recipientId).param("owner", owner).update();
    }

    /** A claimed row this instance will not send now (its broadcast paused, or the instance stopping): free for anyone. */
    public void release(long recipientId, UUID owner) {
        jdbc.sql("UPDATE broadcast_recipients SET owner = NULL, lease_until = NULL WHERE id = :id AND owner = :owner AND state = 'PENDING'")
                .param("id", recipientId).param("owner", owner).update();
    }

    public Optional<Broadcast> find(long broadcastId) {
        return jdbc.sql("SELECT id, content::text AS content, state FROM broadcasts WHERE id = :id")
                .param("id", broadcastId)
                .query((rs, n) -> new Broadcast(rs.getLong("id"), content(rs.getString("content")), rs.getString("state")))
                .optional();
    }

    /** Broadcasts whose outcome has not been reported yet. */
    public List<Long> unfinished() {
        return jdbc.sql("SELECT id FROM broadcasts WHERE finished_at IS NULL ORDER BY id").query(Long.class).list();
    }

    /**
     * Takes this period's progress report for the broadcast: one instance wins each period, so
     * the operator's message is edited once however many notifiers run.
     */
    public boolean takeProgressTurn(long broadcastId, Duration every) {
        return jdbc.sql("""
                        UPDATE broadcasts SET progress_at = now()
                        WHERE id = :id AND finished_at IS NULL AND progress_at <= now() - CAST(:every AS interval)""")
                .param("id", broadcastId).param("every", every.toMillis() + " milliseconds").update() == 1;
    }

    public Counts counts(long broadcastId, Duration ratePeriod) {
        return jdbc.sql("""
                        SELECT b.state, b.total, b.chunks_stored = b.chunks AS complete,
                               count(*) FILTER (WHERE r.state = 'SENT') AS sent,
                               count(*) FILTER (WHERE r.state = 'BLOCKED') AS blocked,
                               count(*) FILTER (WHERE r.state = 'FAILED') AS failed,
                               count(*) FILTER (WHERE r.state IN ('PENDING', 'SENDING')) AS remaining,
                               count(*) FILTER (WHERE r.state = 'SENT' AND r.done_at > now() - CAST(:period AS interval)) AS recent
                        FROM broadcasts b LEFT JOIN broadcast_recipients r ON r.broadcast_id = b.id
                        WHERE b.id = :id GROUP BY b.id""")
                .param("id", broadcastId).param("period", ratePeriod.toMillis() + " milliseconds")
                .query((rs, n) -> new Counts(rs.getString("state"), rs.getInt("total"), rs.getBoolean("complete"), rs.getInt("sent"),
                        rs.getInt("blocked"), rs.getInt("failed"), rs.getInt("remaining"),
                        rs.getInt("recent") * 1000.0 / Math.max(1, ratePeriod.toMillis())))
                .single();
    }

    /** Marks the outcome reported; true for the one caller that did it. */
    public boolean finish(long broadcastId) {
        return jdbc.sql("""
                        UPDATE broadcasts SET finished_at = now(), state = CASE WHEN state = 'CANCELLED' THEN state ELSE 'FINISHED' END
                        WHERE id = :id AND finished_at IS NULL""")
                .param("id", broadcastId).update() == 1;
    }

    private static String json(BroadcastContent content) {
        try {
            return EventCodec.mapper().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("broadcast content is not JSON", e);
        }
    }

    private static BroadcastContent content(String json) {
        try {
            return EventCodec.mapper().readValue(json, BroadcastContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored broadcast content unreadable", e);
        }
    }

    public record Claimed(long id, long broadcastId, long chatId, int attempts) {
    }

    public record Broadcast(long id, BroadcastContent content, String state) {
    }

    /** Where a broadcast stands; {@code complete} once every chunk of its audience is stored. */
    public record Counts(String state, int total, boolean complete, int sent, int blocked, int failed, int remaining, double perSecond) {

        /** Nothing left to try and the whole audience known: the outcome can be reported. */
        public boolean done() {
            return complete && remaining == 0 && !"PAUSED".equals(state);
        }
    }
}
