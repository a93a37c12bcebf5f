package com.quickcart.common.goods;

import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.SealedGoods;
import com.quickcart.common.messaging.EventCodec;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Sealing and opening the goods, without any infrastructure. Assertions about the goods are
 * booleans and counts, so that a failing test never prints an item.
 */
class GoodsSealingTest {

    /** The development pair deploy/local/up.sh sets, made by openssl as docs/adr/0013 says. */
    private static final String OPENSSL_PRIVATE = "MC4CAQAwBQYDK2VuBCIEIBAeYgZmoEjgNlruQyv028tmUxlDn0sl4a8YcVvFlxls";
    private static final String OPENSSL_PUBLIC = "MCowBQYDK2VuAyEA6S7JAInnEk4Tylpie+CR5hiYDll494wiFYJjWy2TqF4=";
    /** {@code base64 -d <<<"$OPENSSL_PUBLIC" | sha256sum | cut -c1-16} */
    private static final String OPENSSL_KEY_ID = "329fb3e11aa512c0";

    private static final List<String> GOODS = List.of("netflix: user@example.com / hunter2", "KEY-ÄÖÜ-🎁-0001", "");
    private static final String ORDER = "QC-SEAL000001";

    private final KeyPair current = generate();
    private final KeyPair previous = generate();

    @Test
    void whatIsSealedForTheNotifierOpensWithItsKeyInTheSameEvent() {
        UUID event = UUID.randomUUID();
        SealedGoods sealed = new GoodsSealer(current.getPublic()).seal(GOODS, ORDER, event);

        List<String> opened = new GoodsOpener(current.getPrivate(), List.of()).open(sealed, ORDER, event);

        assertThat(opened.equals(GOODS)).as("opened goods equal the sealed ones").isTrue();
        String onTheWire = EventCodec.mapper().valueToTree(sealed).toString();
        assertThat(holdsAny(onTheWire)).as("the sealed form holds goods in clear").isFalse();
        assertThat(holdsAny(sealed.toString())).as("toString holds goods in clear").isFalse();
        assertThat(sealed.keyId()).isEqualTo(new GoodsSealer(current.getPublic()).keyId());
    }

    @Test
    void manyLongItemsRoundTrip() {
        List<String> bulk = IntStream.range(0, 500).mapToObj(i -> "LICENSE-%05d-".formatted(i) + "x".repeat(200)).toList();
        UUID event = UUID.randomUUID();

        List<String> opened = new GoodsOpener(current.getPrivate(), List.of())
                .open(new GoodsSealer(current.getPublic()).seal(bulk, ORDER, event), ORDER, event);

        assertThat(opened.equals(bulk)).as("500 items come back in order").isTrue();
    }

    @Test
    void twoSealsOfTheSameGoodsNeverShareANonceOrACiphertext() {
        GoodsSealer sealer = new GoodsSealer(current.getPublic());
        UUID event = UUID.randomUUID();

        SealedGoods one = sealer.seal(GOODS, ORDER, event);
        SealedGoods two = sealer.seal(GOODS, ORDER, event);

        assertThat(one.nonce()).isNotEqualTo(two.nonce());
        assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext());
    }

    @Test
    void anEphemeralKeyServesABoundedNumberOfSealsAndABoundedTimeThenANewOneIsMade() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        GoodsSealer sealer = new GoodsSealer(current.getPublic(), clock, 3, Duration.ofMinutes(1));
        GoodsOpener opener = new GoodsOpener(current.getPrivate(), List.of());
        UUID event = UUID.randomUUID();

        List<SealedGoods> seals = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seals.add(sealer.seal(GOODS, ORDER, event));
        }
        assertThat(seals.subList(0, 3)).extracting(SealedGoods::ephemeralKey).as("three seals, one session").containsOnly(seals.get(0).ephemeralKey());
        assertThat(seals.get(3).ephemeralKey()).as("the fourth seal starts a new session").isNotEqualTo(seals.get(0).ephemeralKey());
        clock.advance(Duration.ofSeconds(61));
        SealedGoods later = sealer.seal(GOODS, ORDER, event);
        assertThat(later.ephemeralKey()).as("a minute later, a new session").isNotEqualTo(seals.get(3).ephemeralKey());
        for (SealedGoods sealed : List.of(seals.get(0), seals.get(2), seals.get(3), later)) {
            assertThat(opener.open(sealed, ORDER, event)).isEqualTo(GOODS);
        }
    }

    /** A clock a test moves by hand. */
    private static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anotherKeyCannotOpenTheGoods() {
        UUID event = UUID.randomUUID();
        SealedGoods sealed = new GoodsSealer(current.getPublic()).seal(GOODS, ORDER, event);

        Throwable refused = catchThrowable(() -> new GoodsOpener(previous.getPrivate(), List.of()).open(sealed, ORDER, event));

        assertThat(refused).isInstanceOf(GoodsOpener.Refused.class).hasMessageContaining("key id " + sealed.keyId());
        assertThat(holdsAny(refused.getMessage())).isFalse();
        // Even with the key id rewritten to the holder's own, the agreement gives another key: authentication fails.
        GoodsOpener other = new GoodsOpener(previous.getPrivate(), List.of());
        SealedGoods relabelled = new SealedGoods(other.keyId(), sealed.ephemeralKey(), sealed.nonce(), sealed.ciphertext());
        assertThatThrownBy(() -> other.open(relabelled, ORDER, event))
                .isInstanceOf(GoodsOpener.Refused.class).hasMessageContaining("failed authentication");
    }

    @Test
    void aTamperedSealIsRefusedRatherThanOpenedToSomethingElse() {
        UUID event = UUID.randomUUID();
        SealedGoods sealed = new GoodsSealer(current.getPublic()).seal(GOODS, ORDER, event);
        GoodsOpener opener = new GoodsOpener(current.getPrivate(), List.of());

        for (SealedGoods tampered : List.of(
                new SealedGoods(sealed.keyId(), sealed.ephemeralKey(), sealed.nonce(), flipBit(sealed.ciphertext(), 0)),
                new SealedGoods(sealed.keyId(), sealed.ephemeralKey(), sealed.nonce(), flipBit(sealed.ciphertext(), -1)),
                new SealedGoods(sealed.keyId(), sealed.ephemeralKey(), flipBit(sealed.nonce(), 3), sealed.ciphertext()),
                new SealedGoods(sealed.keyId(), flipBit(sealed.ephemeralKey(), 5), sealed.nonce(), sealed.ciphertext()),
                new SealedGoods(sealed.keyId(), sealed.ephemeralKey(), sealed.nonce(), "not base64!"),
                new SealedGoods(sealed.keyId(), sealed.ephemeralKey(), sealed.nonce(), truncated(sealed.ciphertext())))) {
            Throwable refused = catchThrowable(() -> opener.open(tampered, ORDER, event));
            assertThat(refused).isInstanceOf(GoodsOpener.Refused.class);
            assertThat(holdsAny(refused.getMessage())).isFalse();
        }
    }

    @Test
    void aSealMovedIntoAnotherEventOrOrderIsRefused() {
        UUID event = UUID.randomUUID();
        SealedGoods sealed = new GoodsSealer(current.getPublic()).seal(GOODS, ORDER, event);
        GoodsOpener opener = new GoodsOpener(current.getPrivate(), List.of());

        assertThatThrownBy(() -> opener.open(sealed, ORDER, UUID.randomUUID()))
                .isInstanceOf(GoodsOpener.Refused.class).hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> opener.open(sealed, "QC-OTHER00001", event))
                .isInstanceOf(GoodsOpener.Refused.class).hasMessageContaining("failed authentication");
    }

    @Test
    void afterRotationSealsMadeForThePreviousKeyStillOpen() {
        UUID event = UUID.randomUUID();
        SealedGoods inFlight = new GoodsSealer(previous.getPublic()).seal(GOODS, ORDER, event);
        SealedGoods fresh = new GoodsSealer(current.getPublic()).seal(GOODS, ORDER, event);

        GoodsOpener rotated = new GoodsOpener(current.getPrivate(), List.of(previous.getPrivate()));

        assertThat(rotated.open(inFlight, ORDER, event).equals(GOODS)).as("in-flight seal opens with the previous key").isTrue();
        assertThat(rotated.open(fresh, ORDER, event).equals(GOODS)).as("new seal opens with the current key").isTrue();
        assertThat(rotated.keyId()).isEqualTo(new GoodsSealer(current.getPublic()).keyId());
        assertThat(rotated.keyIds()).containsExactly(rotated.keyId(), new GoodsSealer(previous.getPublic()).keyId());
        assertThatThrownBy(() -> new GoodsOpener(current.getPrivate(), List.of()).open(inFlight, ORDER, event))
                .isInstanceOf(GoodsOpener.Refused.class);
    }

    @Test
    void keysMadeByOpensslAreReadAndTheKeyIdIsTheDocumentedDigest() {
        var privateKey = GoodsOpener.privateKey(OPENSSL_PRIVATE);
        var publicKey = GoodsSealer.publicKey(OPENSSL_PUBLIC);

        assertThat(GoodsOpener.publicKeyOf(privateKey).getEncoded()).isEqualTo(Base64.getDecoder().decode(OPENSSL_PUBLIC));
        assertThat(new GoodsSealer(publicKey).keyId()).isEqualTo(OPENSSL_KEY_ID);
        assertThat(new GoodsOpener(privateKey, List.of()).keyId()).isEqualTo(OPENSSL_KEY_ID);
        UUID event = UUID.randomUUID();
        assertThat(new GoodsOpener(privateKey, List.of()).open(new GoodsSealer(publicKey).seal(GOODS, ORDER, event), ORDER, event)
                .equals(GOODS)).isTrue();
    }

    @Test
    void keysThatAreNotX25519AreRefusedWithoutEchoingThem() throws Exception {
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String edPublic = Base64.getEncoder().encodeToString(ed25519.getPublic().getEncoded());
        String edPrivate = Base64.getEncoder().encodeToString(ed25519.getPrivate().getEncoded());

        assertThatThrownBy(() -> GoodsSealer.publicKey("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> GoodsSealer.publicKey("%%%")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> GoodsSealer.publicKey(edPublic)).hasMessageContaining("not an X25519 public key")
                .message().doesNotContain(edPublic);
        assertThatThrownBy(() -> GoodsSealer.publicKey(OPENSSL_PRIVATE)).hasMessageContaining("not an X25519 public key");
        assertThatThrownBy(() -> GoodsOpener.privateKey(edPrivate)).hasMessageContaining("not an X25519 private key")
                .message().doesNotContain(edPrivate);
        assertThatThrownBy(() -> GoodsOpener.privateKey(OPENSSL_PUBLIC)).hasMessageContaining("not an X25519 private key")
                .message().doesNotContain(OPENSSL_PUBLIC);
    }

    @Test
    void theEventPrintsCountsNeverGoods() {
        UUID event = UUID.randomUUID();
        SealedGoods sealed = new GoodsSealer(current.getPublic()).seal(GOODS, ORDER, event);
        ItemsDelivered delivered = new ItemsDelivered(ORDER, 1, "Netflix", GOODS.size(), sealed, false);

        assertThat(delivered.toString()).contains(ORDER, "items=3");
        assertThat(holdsAny(delivered.toString())).isFalse();
        assertThat(holdsAny(new EventCodec(java.time.Clock.systemUTC()).wrap(event, ORDER, delivered).toString())).isFalse();
    }

    @Test
    void hkdfMatchesRfc5869() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] ikm = hex.parseHex("0b".repeat(22));

        assertThat(hex.formatHex(GoodsTransit.hkdf(hex.parseHex("000102030405060708090a0b0c"), ikm,
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        assertThat(hex.formatHex(GoodsTransit.hkdf(new byte[0], ikm, new byte[0], 42)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    // ---------------------------------------------------------------------------------------------

    private static boolean holdsAny(String text) {
        return GOODS.stream().filter(g -> !g.isEmpty()).anyMatch(text::contains);
    }

    private static String flipBit(String base64, int index) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[index < 0 ? bytes.length + index : index] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String truncated(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 10));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
