package com.quickcart.common.events.delivery;

/**
 * The goods of one delivery event, sealed for the notifier: readable only with the private key
 * whose public key {@code keyId} names, and only inside the event they were sealed for (see
 * {@code com.quickcart.common.goods.GoodsSealer} and docs/adr/0013). Fields are base64:
 * {@code ephemeralKey} the sender's ephemeral X25519 public key for its current sealing session
 * (32 raw bytes; docs/adr/0028), {@code nonce} the
 * AES-GCM nonce, {@code ciphertext} the encrypted item list with its tag.
 */
public record SealedGoods(String keyId, String ephemeralKey, String nonce, String ciphertext) {

    @Override
    public String toString() {
        return "SealedGoods[keyId=" + keyId + ", ciphertext=" + (ciphertext == null ? 0 : ciphertext.length()) + " chars]";
    }
}
