package com.quickcart.delivery;

import com.quickcart.delivery.config.InventoryProperties;
import com.quickcart.delivery.inventory.InventoryCipher;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryCipherTest {

    private static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void itemsWrittenUnderAnOldKeyStillOpenAfterRotation() {
        InventoryCipher before = new InventoryCipher(new InventoryProperties(OLD, 1, ""));
        InventoryCipher.Sealed sealed = before.seal("netflix: user@example.com / hunter2");

        InventoryCipher after = new InventoryCipher(new InventoryProperties(NEW, 2, "1:" + OLD));

        assertThat(after.open(sealed).equals("netflix: user@example.com / hunter2")).as("opens to the item").isTrue();
        assertThat(after.seal("x").keyId()).isEqualTo(2);
    }

    @Test
    void aTamperedItemIsRefusedRatherThanDeliveredWrong() {
        InventoryCipher cipher = new InventoryCipher(new InventoryProperties(NEW, 1, ""));
        InventoryCipher.Sealed sealed = cipher.seal("KEY-1");
        sealed.ciphertext()[0] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed)).hasMessageContaining("failed authentication");
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> new InventoryProperties("", 1, "")).hasMessageContaining("INVENTORY_KEY must be set");
        assertThatThrownBy(() -> new InventoryProperties("c2hvcnQ=", 1, "")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new InventoryProperties(NEW, 1, "x")).hasMessageContaining("INVENTORY_PREVIOUS_KEYS");
    }
}
