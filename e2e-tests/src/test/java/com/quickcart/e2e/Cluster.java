package com.quickcart.e2e;

import com.quickcart.delivery.DeliveryServiceApplication;
import com.quickcart.ingress.IngressApplication;
import com.quickcart.notifier.NotifierApplication;
import com.quickcart.order.OrderServiceApplication;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.TestEnvironment;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole store: the five services, each its own Spring application with its own schema and
 * consumer group, on one real Kafka broker and one PostgreSQL server, talking to a fake Bot API.
 */
final class Cluster implements AutoCloseable {

    static final String STORE_NAME = "Toko Digital Uji";

    final FakeTelegramBotApi botApi = new FakeTelegramBotApi();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final int ingressPort;

    Cluster() {
        Map<String, Object> environment = TestEnvironment.infrastructure();
        environment.put("TELEGRAM_API_URL", botApi.baseUrl());
        environment.put("STORE_NAME", STORE_NAME);
        services.add(NotifierApplication.application(environment).run());
        services.add(OrderServiceApplication.application(environment).run());
        services.add(PaymentServiceApplication.application(environment).run());
        services.add(DeliveryServiceApplication.application(environment).run());
        services.add(IngressApplication.application(environment).run());
        ingressPort = Integer.parseInt(services.getLast().getEnvironment().getProperty("local.server.port"));
    }

    String ingressUrl(String path) {
        return "http://127.0.0.1:" + ingressPort + path;
    }

    List<ConfigurableApplicationContext> services() {
        return services;
    }

    @Override
    public void close() {
        services.reversed().forEach(ConfigurableApplicationContext::close);
        botApi.close();
    }
}
