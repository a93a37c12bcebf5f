package com.quickcart.notifier.broadcast;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.notifier.BroadcastProgressed;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.notifier.broadcast.Broadcasts.Counts;
import com.quickcart.notifier.config.BroadcastProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Tells order-service where each broadcast stands, once a period whichever instance gets there
 * first, and once more when nothing is left to try: that last report is the outcome (FINISHED, or
 * CANCELLED), and it is written in the same transaction that closes the broadcast, so it is sent
 * exactly once.
 */
@Component
public class BroadcastProgress {

    private static final Logger log = LoggerFactory.getLogger(BroadcastProgress.class);
    /** The window the reported rate is measured over. */
    private static final Duration RATE_PERIOD = Duration.ofSeconds(10);

    private final Broadcasts broadcasts;
    private final Outbox outbox;
    private final EventCodec codec;
    private final TransactionTemplate tx;
    private final Duration every;

    public BroadcastProgress(Broadcasts broadcasts, Outbox outbox, EventCodec codec, TransactionTemplate tx, BroadcastProperties properties) {
        this.broadcasts = broadcasts;
        this.outbox = outbox;
        this.codec = codec;
        this.tx = tx;
        this.every = properties.progressEvery();
    }

    public void report() {
        for (long id : broadcasts.unfinished()) {
            tx.executeWithoutResult(status -> {
                if (!broadcasts.takeProgressTurn(id, every)) {
                    return;
                }
                Counts counts = broadcasts.counts(id, RATE_PERIOD);
                boolean finished = counts.done() && broadcasts.finish(id);
                String state = finished && !"CANCELLED".equals(counts.state()) ? "FINISHED" : counts.state();
                if (finished) {
                    log.info("broadcast finished broadcast_id={} state={} sent={} blocked={} failed={}", id, state, counts.sent(),
                            counts.blocked(), counts.failed());
                }
                outbox.append(Topics.BROADCAST_EVENTS, codec.wrap(Long.toString(id), new BroadcastProgressed(id, state, counts.total(),
                        counts.sent(), counts.blocked(), counts.failed(), counts.remaining(), counts.perSecond(), finished)));
            });
        }
    }
}
