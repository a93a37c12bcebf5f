package com.quickcart.common.goods;

import com.quickcart.testsupport.GoodsTransitKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedChannelTest {

    private static final String PUBLIC = GoodsTransitKeys.publicKey();
    private static final String PRIVATE = GoodsTransitKeys.privateKey();

    @ParameterizedTest
    @EnumSource(SealedChannel.class)
    void aMissingOrInvalidPublicKeyStopsTheServiceWithAMessageNamingTheVariableNeverTheValue(SealedChannel channel) {
        String variable = channel.name() + "_PUBLIC_KEY";

        assertThatThrownBy(() -> channel.sealer("")).hasMessageStartingWith(variable + " must be set: ");
        assertThatThrownBy(() -> channel.sealer(null)).hasMessageStartingWith(variable + " must be set: ");
        assertThatThrownBy(() -> channel.sealer("%%%")).hasMessageStartingWith(variable + ": ").hasMessageContaining("base64");
        assertThatThrownBy(() -> channel.sealer("bm90IGEga2V5")).hasMessageStartingWith(variable + ": ")
                .hasMessageContaining("not an X25519 public key").hasMessageContaining("openssl pkey");
        assertThatThrownBy(() -> channel.sealer(PRIVATE)).as("a private key where the public one belongs")
                .hasMessageStartingWith(variable + ": ").message().doesNotContain(PRIVATE);
    }

    @ParameterizedTest
    @EnumSource(SealedChannel.class)
    void aMissingOrInvalidPrivateKeyStopsTheServiceWithAMessageNamingTheVariableAndEntry(SealedChannel channel) {
        String current = channel.name() + "_PRIVATE_KEY";
        String previous = channel.name() + "_PREVIOUS_PRIVATE_KEYS";

        assertThatThrownBy(() -> channel.opener("", "")).hasMessageStartingWith(current + " must be set: ");
        assertThatThrownBy(() -> channel.opener(null, null)).hasMessageStartingWith(current + " must be set: ");
        assertThatThrownBy(() -> channel.opener(PUBLIC, "")).hasMessageStartingWith(current + ": ")
                .hasMessageContaining("not an X25519 private key").hasMessageContaining("openssl genpkey");
        assertThatThrownBy(() -> channel.opener(PRIVATE, "%%%")).hasMessageStartingWith(previous + " (entry 1): ")
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> channel.opener(PRIVATE, PRIVATE + ",,")).hasMessageStartingWith(previous + ": entry 2 is empty")
                .message().doesNotContain(PRIVATE);
    }

    @Test
    void whatOneSideSealsTheOtherOpensAndPreviousKeysStillOpenWhatWasSealedBeforeARotation() {
        KeyPair old = GoodsTransitKeys.generate();
        KeyPair older = GoodsTransitKeys.generate();
        GoodsOpener opener = SealedChannel.STOCK_INTAKE.opener(PRIVATE, encode(old) + ", " + encode(older));
        UUID event = UUID.randomUUID();

        var sealedNow = SealedChannel.STOCK_INTAKE.sealer(PUBLIC).seal(List.of("SECRET-NOW"), "QC-ROTATE0001", event);
        assertThat(opener.open(sealedNow, "QC-ROTATE0001", event)).containsExactly("SECRET-NOW");
        for (KeyPair pair : List.of(old, older)) {
            var sealed = new GoodsSealer(pair.getPublic()).seal(List.of("SECRET-ROTATED"), "QC-ROTATE0001", event);
            assertThat(opener.open(sealed, "QC-ROTATE0001", event)).containsExactly("SECRET-ROTATED");
        }
        assertThat(opener.keyId()).isEqualTo(SealedChannel.STOCK_INTAKE.sealer(PUBLIC).keyId());
        assertThat(opener.keyIds()).hasSize(3);
    }

    private static String encode(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }
}
