package com.quickcart.order.session;

/** One session per user, replaced whole and atomically, expiring after a period of silence. */
public interface SessionStore {

    Session load(long userId);

    void save(long userId, Session session);
}
