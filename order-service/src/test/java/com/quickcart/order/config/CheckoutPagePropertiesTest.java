package com.quickcart.order.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutPagePropertiesTest {

    @Test
    void aConfiguredPageGetsPakasirsAmountAndOrderIdAddress() {
        var page = new CheckoutPageProperties("http://127.0.0.1:8091/pay/quickcart-local/");

        assertThat(page.linkFor(45_000, "QC-ABCDE12345")).contains("http://127.0.0.1:8091/pay/quickcart-local/45000?order_id=QC-ABCDE12345");
    }

    @Test
    void withoutAPageNoLinkIsOffered() {
        assertThat(new CheckoutPageProperties("").linkFor(45_000, "QC-ABCDE12345")).isEmpty();
        assertThat(new CheckoutPageProperties(null).linkFor(45_000, "QC-ABCDE12345")).isEmpty();
    }

    @Test
    void aPageThatIsNoHttpUrlStopsTheServiceNamingTheVariable() {
        assertThatThrownBy(() -> new CheckoutPageProperties("127.0.0.1:8091/pay"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PAKASIR_CHECKOUT_URL");
    }
}
