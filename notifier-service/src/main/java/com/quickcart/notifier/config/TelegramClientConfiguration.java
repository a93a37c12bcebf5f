package com.quickcart.notifier.config;

import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.URI;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
public class TelegramClientConfiguration {

    @Bean
    TelegramClient telegramClient(BotApiProperties properties) {
        URI url = properties.url();
        int port = url.getPort() > 0 ? url.getPort() : (url.getScheme().equals("https") ? 443 : 80);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30))
                .build();
        return new OkHttpTelegramClient(http, properties.token(), new TelegramUrl(url.getScheme(), url.getHost(), port, false));
    }
}
