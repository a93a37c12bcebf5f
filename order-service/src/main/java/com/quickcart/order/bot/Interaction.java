package com.quickcart.order.bot;

import com.quickcart.order.session.Session;

import java.util.Locale;

/**
 * One update being handled: who, where, in which language, which message a button sat on
 * (so the screen can be edited in place), and the user's session, which handlers may replace.
 */
public final class Interaction {

    private final long userId;
    private final long chatId;
    private final String firstName;
    private final String username;
    private final Integer buttonMessageId;
    private final String callbackId;
    private final boolean firstVisit;
    private Locale locale;
    private Session session;
    private boolean callbackAnswered;

    public Interaction(long userId, long chatId, String firstName, String username, Locale locale,
                       Integer buttonMessageId, String callbackId, Session session, boolean firstVisit) {
        this.userId = userId;
        this.chatId = chatId;
        this.firstName = firstName;
        this.username = username;
        this.locale = locale;
        this.buttonMessageId = buttonMessageId;
        this.callbackId = callbackId;
        this.session = session;
        this.firstVisit = firstVisit;
    }

    public long userId() { return userId; }
    public long chatId() { return chatId; }
    public String firstName() { return firstName; }
    public String username() { return username; }
    public Locale locale() { return locale; }
    public Integer buttonMessageId() { return buttonMessageId; }
    public String callbackId() { return callbackId; }
    public Session session() { return session; }
    public boolean isButtonTap() { return callbackId != null; }
    /** True for the very first update this store ever saw from the user. */
    public boolean firstVisit() { return firstVisit; }

    public void switchLocale(Locale locale) { this.locale = locale; }
    public void replaceSession(Session session) { this.session = session; }
    boolean callbackAnswered() { return callbackAnswered; }
    void markCallbackAnswered() { this.callbackAnswered = true; }
}
