package com.quickcart.notifier.outbound;

import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.notifier.config.BotApiProperties;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
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
 * Makes one Bot API call the way Telegram asks to be called: paced, 429 answered by waiting
 * exactly {@code retry_after}, 5xx and network errors retried with exponential backoff, a
 * bounded number of times. What retrying cannot fix is raised as a {@link PermanentFailure}
 * so the record goes to the dead-letter topic and the partition moves on.
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

    public SendOutcome send(BotApiCall call) {
        PartialBotApiMethod<?> method = BotMethodCatalog.decode(call.method(), call.body());
        return send(call.chatId(), call.method(), () -> method);
    }

    /**
     * Sends a method built by {@code build} on every attempt: an upload's stream can be read only
     * once, so a retry needs a fresh one.
     */
    public SendOutcome send(long chatId, String methodName, java.util.function.Supplier<PartialBotApiMethod<?>> build) {
        BotApiCall call = new BotApiCall(chatId, methodName, null);
        AtomicInteger attempts = new AtomicInteger();
        try {
            Serializable result = retry.executeCheckedSupplier(() -> {
                attempts.incrementAndGet();
                pacer.awaitTurn(chatId, methodName);
                return execute(build.get());
            });
            Long messageId = result instanceof Message message ? message.getMessageId().longValue() : null;
            return count(call, new SendOutcome(SendOutcome.Status.SENT, messageId, attempts.get(), null));
        } catch (TelegramApiRequestException e) {
            return permanentAnswer(call, e, attempts.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + call.method(), e);
        } catch (Throwable e) {
            count(call, "failed");
            throw new PermanentFailure("Bot API " + call.method() + " still failing after " + attempts.get()
                    + " attempts: " + e.getMessage(), e);
        }
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
        if (code != null && code == 400 && description.contains("message is not modified")) {
            return count(call, new SendOutcome(SendOutcome.Status.UNCHANGED, null, attempts, description));
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
            return Math.min(seconds * 1000, properties.maxRetryAfter().toMillis());
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
        count(call, outcome.status().name().toLowerCase(java.util.Locale.ROOT));
        return outcome;
    }

    private void count(BotApiCall call, String outcome) {
        meters.counter("quickcart.notifier.bot_api.calls", "method", call.method(), "outcome", outcome).increment();
    }
}
