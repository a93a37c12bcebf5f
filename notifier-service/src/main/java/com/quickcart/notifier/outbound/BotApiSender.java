package com.quickcart.notifier.outbound;

import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.events.telegram.BotApiCall.Lane;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.common.messaging.TransientFailure;
import com.quickcart.notifier.config.BotApiProperties;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendSticker;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes one Bot API call the way Telegram asks to be called: paced, a 429 answered by pausing
 * every lane for exactly {@code retry_after}, 5xx and network errors retried with exponential
 * backoff a few times in place. A failure that outlasts those tries is a {@link TransientFailure}:
 * the chat's lane keeps retrying it for as long as it lasts. Answers that say the call can never
 * succeed are sorted: those with nothing left to do (a blocked user, an edit of a message that is
 * gone or unchanged, an expired button query) end as an outcome and are counted; the rest are a
 * {@link PermanentFailure} and go to the dead-letter topic.
 */
@Component
public class BotApiSender {

    private static final Logger log = LoggerFactory.getLogger(BotApiSender.class);

    private final TelegramClient client;
    private final SendPacer pacer;
    private final BotApiProperties properties;
    private final MeterRegistry meters;
    private final Counter rateLimited;
    private final Retry retry;

    public BotApiSender(TelegramClient client, SendPacer pacer, BotApiProperties properties, MeterRegistry meters) {
        this.client = client;
        this.pacer = pacer;
        this.properties = properties;
        this.meters = meters;
        // Registered at start, not at the first 429: rate() over a counter needs its zero to see the first rise.
        this.rateLimited = Counter.builder("quickcart.notifier.bot_api.rate_limited")
                .description("Bot API calls Telegram answered with 429 Too Many Requests").register(meters);
        this.retry = Retry.of("bot-api", RetryConfig.<Object>custom()
                .maxAttempts(properties.maxAttempts())
                .retryOnException(BotApiSender::isTransient)
                .intervalBiFunction(this::waitBeforeAttempt)
                .build());
    }

    /** Edits Telegram refuses for good that leave nothing to do: the user sees what they should. */
    private static final List<String> NOTHING_LEFT_TO_DO = List.of(
            "message to edit not found", "message can't be edited", "query is too old", "query id is invalid",
            "message to delete not found", "message can't be deleted");

    /** A reply the user is waiting for (the QR of their checkout, their goods): the live lane. */
    public SendOutcome send(long chatId, String methodName, Supplier<PartialBotApiMethod<?>> build) {
        return send(chatId, methodName, Lane.LIVE, build);
    }

    /**
     * Sends a method built by {@code build} on every attempt: an upload's stream can be read only
     * once, so a retry needs a fresh one.
     */
    public SendOutcome send(long chatId, String methodName, Lane lane, Supplier<PartialBotApiMethod<?>> build) {
        return send(new BotApiCall(chatId, methodName, null, lane), () -> pacer.awaitTurn(chatId, methodName, lane), build);
    }

    /**
     * One message of a broadcast: paced by the broadcast pace ({@link SendPacer#awaitBroadcastTurn}),
     * and {@code beforeCall} runs after the wait, right before each attempt goes out (the
     * broadcast marks its recipient SENDING there, or withdraws the call with {@link CallWithdrawn}).
     */
    public SendOutcome sendBroadcast(long chatId, String methodName, BeforeCall beforeCall, Supplier<PartialBotApiMethod<?>> build) {
        return send(new BotApiCall(chatId, methodName, null, Lane.BULK), () -> {
            pacer.awaitBroadcastTurn(chatId);
            beforeCall.run();
        }, build);
    }

    private SendOutcome send(BotApiCall call, BeforeCall pace, Supplier<PartialBotApiMethod<?>> build) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            Serializable result = retry.executeCheckedSupplier(() -> {
                attempts.incrementAndGet();
                pace.run();
                return execute(build.get());
            });
            Long messageId = result instanceof Message message ? message.getMessageId().longValue() : null;
            return count(call, new SendOutcome(SendOutcome.Status.SENT, messageId, attempts.get(), null));
        } catch (TelegramApiRequestException e) {
            if (isTransient(e)) {
                throw stillFailing(call, attempts.get(), e);
            }
            return permanentAnswer(call, e, attempts.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + call.method(), e);
        } catch (PermanentFailure e) {
            count(call, "failed");
            throw e;
        } catch (CallWithdrawn e) {
            throw e;
        } catch (Throwable e) {
            throw stillFailing(call, attempts.get(), e);
        }
    }

    /** What runs right before an attempt goes out; it may wait, or withdraw the call. */
    @FunctionalInterface
    public interface BeforeCall {
        void run() throws InterruptedException;
    }

    /** The caller decided, just before the call, not to make it after all (its broadcast was paused or cancelled). */
    public static final class CallWithdrawn extends RuntimeException {
        public CallWithdrawn(String reason) {
            super(reason, null, false, false);
        }
    }

    /** 5xx, 429 or the network, past the quick tries: Telegram is having a bad moment, not refusing. */
    private TransientFailure stillFailing(BotApiCall call, int attempts, Throwable e) {
        count(call, "retrying");
        return new TransientFailure("Bot API " + call.method() + " still failing after " + attempts
                + " attempts: " + e.getMessage(), e);
    }

    private Serializable execute(PartialBotApiMethod<?> method) throws TelegramApiException {
        return switch (method) {
            case BotApiMethod<?> json -> client.execute(json);
            case SendSticker sticker -> client.execute(sticker);
            case SendPhoto photo -> client.execute(photo);
            case SendDocument document -> client.execute(document);
            default -> throw new PermanentFailure("no way to send " + method.getClass().getSimpleName(), null);
        };
    }

    private SendOutcome permanentAnswer(BotApiCall call, TelegramApiRequestException e, int attempts) {
        Integer code = e.getErrorCode();
        String description = String.valueOf(e.getApiResponse());
        if (code != null && code == 403) {
            log.info("chat unreachable method={} description={}", call.method(), description);
            return count(call, new SendOutcome(SendOutcome.Status.UNREACHABLE, null, attempts, description));
        }
        String lower = description.toLowerCase(Locale.ROOT);
        if (code != null && code == 400 && lower.contains("message is not modified")) {
            return count(call, new SendOutcome(SendOutcome.Status.UNCHANGED, null, attempts, description));
        }
        if (code != null && code == 400 && NOTHING_LEFT_TO_DO.stream().anyMatch(lower::contains)) {
            log.info("nothing left to do for method={} description={}", call.method(), description);
            return count(call, new SendOutcome(SendOutcome.Status.OBSOLETE, null, attempts, description));
        }
        if (code != null && code == 400 && lower.contains("no text in the message to edit")) {
            return count(call, new SendOutcome(SendOutcome.Status.NOT_A_TEXT_MESSAGE, null, attempts, description));
        }
        count(call, "failed");
        throw new PermanentFailure("Bot API refused " + call.method() + " with " + code + ": " + description, e);
    }

    private long waitBeforeAttempt(int attempt, Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof TelegramApiRequestException e
                && e.getErrorCode() != null && e.getErrorCode() == 429) {
            rateLimited.increment();
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            long seconds = retryAfter == null ? 1 : retryAfter;
            long millis = Math.min(seconds * 1000, properties.maxRetryAfter().toMillis());
            // Telegram's flood control is the bot's, not the chat's: every lane stops, not just this one.
            pacer.pauseEveryone(Duration.ofMillis(millis));
            return millis;
        }
        return properties.retryBackoff().toMillis() << Math.min(attempt - 1, 6);
    }

    static boolean isTransient(Throwable e) {
        if (e instanceof TelegramApiRequestException request) {
            Integer code = request.getErrorCode();
            return code == null || code == 429 || code >= 500;
        }
        return e instanceof TelegramApiException;
    }

    private SendOutcome count(BotApiCall call, SendOutcome outcome) {
        count(call, outcome.status().name().toLowerCase(Locale.ROOT));
        return outcome;
    }

    private void count(BotApiCall call, String outcome) {
        meters.counter("quickcart.notifier.bot_api.calls", "method", call.method(), "outcome", outcome).increment();
    }
}
