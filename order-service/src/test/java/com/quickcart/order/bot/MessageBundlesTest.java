package com.quickcart.order.bot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles every screen reads: a key written twice silently shows one feature's words on
 * another's screen (the later line wins), and a key in one language only shows the fallback.
 */
class MessageBundlesTest {

    private static final Path DIR = Path.of("src/main/resources/i18n");
    private static final List<String> BUNDLES = List.of("messages.properties", "messages_en.properties", "messages_id.properties");

    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> seen = new HashSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve(bundle), StandardCharsets.ISO_8859_1)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith(" ") || !line.contains("=")) {
                    continue;
                }
                String key = line.substring(0, line.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as(bundle).isEmpty();
        }
    }

    @Test
    void englishAndIndonesianHaveTheSameKeys() throws IOException {
        assertThat(keys("messages_id.properties")).isEqualTo(keys("messages_en.properties"));
        assertThat(keys("messages.properties")).as("the default bundle is the English one").isEqualTo(keys("messages_en.properties"));
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(DIR.resolve(bundle))) {
            properties.load(in);
        }
        return properties.stringPropertyNames();
    }
}
