package com.quickcart.order.session;

import com.quickcart.order.session.Session.Awaiting;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What order-service relies on from any session store; each implementation runs these. */
abstract class SessionStoreContract {

    /** A store whose sessions expire after about one second. */
    abstract SessionStore storeWithShortTtl();

    /** Lets the store's clock (real or fake) move past the TTL. */
    abstract void waitPastTtl(SessionStore store, long userId);

    private final long userId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    @Test
    void aUserWithoutASessionGetsTheEmptyOne() {
        assertThat(storeWithShortTtl().load(userId)).isEqualTo(Session.EMPTY);
    }

    @Test
    void whatIsSavedIsWhatIsLoaded() {
        SessionStore store = storeWithShortTtl();
        Session session = Session.EMPTY.awaiting(Awaiting.WHATSAPP).with("product", "42").with("qty", "3");

        store.save(userId, session);

        assertThat(store.load(userId)).isEqualTo(session);
    }

    @Test
    void aSaveReplacesTheWholeSessionSoDroppedFieldsAreGone() {
        SessionStore store = storeWithShortTtl();
        store.save(userId, Session.EMPTY.awaiting(Awaiting.EMAIL).with("product", "42"));

        store.save(userId, Session.EMPTY.with("qty", "1"));

        Session loaded = store.load(userId);
        assertThat(loaded.awaiting()).isEqualTo(Awaiting.NOTHING);
        assertThat(loaded.data()).containsOnlyKeys("qty");
    }

    @Test
    void usersDoNotSeeEachOthersSessions() {
        SessionStore store = storeWithShortTtl();
        store.save(userId, Session.EMPTY.awaiting(Awaiting.CONTACT_ADMIN));

        assertThat(store.load(userId + 1)).isEqualTo(Session.EMPTY);
    }

    @Test
    void aSessionExpiresAfterItsTtl() {
        SessionStore store = storeWithShortTtl();
        store.save(userId, Session.EMPTY.awaiting(Awaiting.NAME));

        waitPastTtl(store, userId);

        assertThat(store.load(userId)).isEqualTo(Session.EMPTY);
    }
}
