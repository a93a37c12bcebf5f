package com.quickcart.notifier;

import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.notifier.config.GoodsTransitProperties;
import com.quickcart.testsupport.GoodsTransitKeys;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoodsTransitPropertiesTest {

    @Test
    void aMissingOrInvalidKeyStopsTheNotifierWithAMessageNamingTheVariable() {
        String publicKey = GoodsTransitKeys.publicKey();

        assertThatThrownBy(() -> new GoodsTransitProperties("", "")).hasMessageContaining("GOODS_TRANSIT_PRIVATE_KEY must be set");
        assertThatThrownBy(() -> new GoodsTransitProperties(null, "")).hasMessageContaining("GOODS_TRANSIT_PRIVATE_KEY must be set");
        assertThatThrownBy(() -> new GoodsTransitProperties(publicKey, "")).hasMessageStartingWith("GOODS_TRANSIT_PRIVATE_KEY: ")
                .hasMessageContaining("not an X25519 private key");
        assertThatThrownBy(() -> new GoodsTransitProperties(GoodsTransitKeys.privateKey(), "%%%"))
                .hasMessageStartingWith("GOODS_TRANSIT_PREVIOUS_PRIVATE_KEYS (entry 1): ").hasMessageContaining("base64");
        assertThatThrownBy(() -> new GoodsTransitProperties(GoodsTransitKeys.privateKey(), GoodsTransitKeys.privateKey() + ",,"))
                .hasMessageContaining("GOODS_TRANSIT_PREVIOUS_PRIVATE_KEYS: entry 2 is empty");
        assertThat(new GoodsTransitProperties(GoodsTransitKeys.privateKey(), "").toString())
                .doesNotContain(GoodsTransitKeys.privateKey());
    }

    @Test
    void previousKeysStillOpenWhatWasSealedForThemBeforeARotation() {
        KeyPair old = GoodsTransitKeys.generate();
        KeyPair older = GoodsTransitKeys.generate();
        GoodsTransitProperties rotated = new GoodsTransitProperties(GoodsTransitKeys.privateKey(),
                encode(old) + ", " + encode(older));
        GoodsOpener opener = new GoodsOpener(rotated.current(), rotated.previous());
        UUID event = UUID.randomUUID();

        for (KeyPair pair : List.of(old, older)) {
            var sealed = new GoodsSealer(pair.getPublic()).seal(List.of("SECRET-ROTATED"), "QC-ROTATE0001", event);
            assertThat(opener.open(sealed, "QC-ROTATE0001", event).size()).isEqualTo(1);
        }
        assertThat(opener.keyId()).isEqualTo(new GoodsSealer(GoodsSealer.publicKey(GoodsTransitKeys.publicKey())).keyId());
        assertThat(opener.keyIds()).hasSize(3);
    }

    private static String encode(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }
}
