package com.quickcart.order;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.order.StorefrontDriver.User;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TestRedis;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * order-service on a real broker, PostgreSQL and Redis, driven by Telegram updates and read back
 * from telegram.outbound. Every storefront test class (one per feature: {@link OnboardingTest},
 * {@link NavigationTest}, {@link CatalogTest}, {@link AccountTest}, {@link HistoryTest}, {@link ContactAdminTest},
 * {@link OperatorConsoleTest}) extends this one, so they share one Spring context and one consumer
 * in the order-service group.
 */
@SpringBootTest(classes = OrderServiceApplication.class, properties = {
        "spring.config.name=order-service",
        "LIQUIBASE_CONTEXTS=main,demo",
        "STORE_NAME=Toko Uji",
        "DOCUMENTATION_URL=https://docs.toko-uji.example/guide",
        "WELCOME_STICKER_ID=CAACAgIAAxkBAAEwelcome",
        "BOT_USERNAME=TokoUjiBot",
        "ADMIN_IDS=" + StorefrontContext.ADMIN})
abstract class StorefrontContext {

    /** The store owner (ADMIN_IDS). */
    static final long ADMIN = 4_242_424_242L;
    private static TopicProbe outbound;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("REDIS_URL", TestRedis::url);
    }

    @Autowired KafkaTemplate<String, EventEnvelope> kafka;
    @Autowired EventCodec codec;
    @Autowired JdbcClient jdbc;
    StorefrontDriver driver;

    @BeforeEach
    void driver() {
        if (outbound == null) {
            outbound = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.TELEGRAM_OUTBOUND);
        }
        driver = new StorefrontDriver(kafka, codec, outbound);
    }

    @AfterAll
    static void stopProbe() {
        outbound.close();
        outbound = null;
    }

    /** Commands of one type order-service sent to a chat on telegram.outbound (Bot API calls are read through the driver). */
    java.util.List<TopicProbe.Seen> commandsTo(long chat, String type) {
        return outbound.seen(s -> Long.toString(chat).equals(s.key()) && type.equals(s.type()));
    }

    /** A user who has been through onboarding (all skipped), with the screens so far consumed. */
    User onboarded(String languageCode) {
        User user = driver.newUser(languageCode);
        user.says("/start");
        user.screen();
        user.taps("skip");
        user.screen();
        user.taps("skip");
        user.screen();
        user.taps("skip");
        user.screen();
        user.screen();
        return user;
    }
}
