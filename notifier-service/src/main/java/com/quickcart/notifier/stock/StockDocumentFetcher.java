package com.quickcart.notifier.stock;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.StockUpload;
import com.quickcart.common.events.delivery.StockUpload.Problem;
import com.quickcart.common.events.order.StockDocumentSubmitted;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.TransientFailure;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.notifier.config.BotApiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fetches a document of goods an operator sent (the notifier holds the bot token; nobody else
 * needs it for this) and passes its text on to delivery-service sealed for the stock-intake
 * key, bound to the event that carries it. The text is in clear only here, between the download
 * and the seal; it is never logged or stored. A document Telegram will not hand over, one too
 * large or not text, goes on as a {@link Problem} so the operator hears what to fix; Telegram or
 * the network failing is a {@link TransientFailure}, waited out like any send. See docs/adr/0022.
 */
@Component
public class StockDocumentFetcher {

    private static final Logger log = LoggerFactory.getLogger(StockDocumentFetcher.class);

    private final TelegramClient client;
    private final BotApiProperties botApi;
    private final GoodsSealer sealer;
    private final Outbox outbox;
    private final EventCodec codec;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StockDocumentFetcher(TelegramClient client, BotApiProperties botApi, GoodsSealer sealer, Outbox outbox, EventCodec codec) {
        this.client = client;
        this.botApi = botApi;
        this.sealer = sealer;
        this.outbox = outbox;
        this.codec = codec;
    }

    /** What goes on to delivery-service, and the id of the event it was sealed for. */
    public record Fetched(UUID eventId, StockUpload upload) {
    }

    /** The remote part: getFile, the download, the seal. Runs outside any transaction. */
    public Fetched fetch(StockDocumentSubmitted document) {
        UUID eventId = UUID.randomUUID();
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(document.fileId()).build());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code == null || code == 429 || code >= 500) {
                throw new TransientFailure("getFile failing: " + code, e);
            }
            String description = String.valueOf(e.getApiResponse()).toLowerCase(Locale.ROOT);
            log.info("document refused by Telegram upload_id={} code={} description={}", document.uploadId(), code, description);
            return problem(eventId, document, description.contains("too big") ? Problem.TOO_LARGE : Problem.UNAVAILABLE,
                    document.fileSize());
        } catch (TelegramApiException e) {
            throw new TransientFailure("getFile failing: " + e.getClass().getSimpleName(), e);
        }
        if (file.getFileSize() != null && file.getFileSize() > StockDocumentSubmitted.MAX_BYTES) {
            return problem(eventId, document, Problem.TOO_LARGE, file.getFileSize());
        }
        if (file.getFilePath() == null) {
            return problem(eventId, document, Problem.UNAVAILABLE, document.fileSize());
        }
        byte[] bytes = download(file.getFilePath(), document);
        if (bytes == null) {
            return problem(eventId, document, Problem.UNAVAILABLE, document.fileSize());
        }
        try {
            if (bytes.length > StockDocumentSubmitted.MAX_BYTES) {
                return problem(eventId, document, Problem.TOO_LARGE, bytes.length);
            }
            String text = text(bytes);
            if (text == null) {
                return problem(eventId, document, Problem.NOT_TEXT, bytes.length);
            }
            return new Fetched(eventId, new StockUpload(document.uploadId(), document.productId(), document.operatorId(), "document",
                    sealer.seal(List.of(text), StockUpload.sealedFor(document.uploadId()), eventId), null, bytes.length));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The local part: hands the sealed upload to delivery-service, in the inbox's transaction. */
    public void forward(Fetched fetched) {
        StockUpload upload = fetched.upload();
        outbox.append(Topics.DELIVERY_COMMANDS, codec.wrap(fetched.eventId(), Long.toString(upload.productId()), upload));
        log.info("document of goods passed on sealed upload_id={} product_id={} bytes={} problem={}", upload.uploadId(),
                upload.productId(), upload.bytes(), upload.problem());
    }

    /**
     * {@code <api>/file/bot<token>/<file_path>}, read up to one byte past the limit. The URL holds
     * the token: it is never logged, and a failure names the status only.
     */
    private byte[] download(String filePath, StockDocumentSubmitted document) {
        String path = Arrays.stream(filePath.split("/")).map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
                .reduce((a, b) -> a + "/" + b).orElse("");
        URI uri = URI.create(botApi.url().toString().replaceAll("/+$", "") + "/file/bot" + botApi.token() + "/" + path);
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TransientFailure("document download failing: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while downloading a document", null);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 200) {
                return body.readNBytes((int) StockDocumentSubmitted.MAX_BYTES + 1);
            }
            if (status >= 500 || status == 429) {
                throw new TransientFailure("document download failing with status " + status, null);
            }
            log.info("document download refused upload_id={} status={}", document.uploadId(), status);
            return null;
        } catch (IOException e) {
            throw new TransientFailure("document download cut off: " + e.getClass().getSimpleName(), null);
        }
    }

    /** The document as text: strict UTF-8, and no control characters but tab and line ends. Null when it is not. */
    static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        boolean control = text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
        return control ? null : text;
    }

    private static Fetched problem(UUID eventId, StockDocumentSubmitted document, Problem problem, long bytes) {
        return new Fetched(eventId, new StockUpload(document.uploadId(), document.productId(), document.operatorId(),
                "document", null, problem, bytes));
    }
}
