package com.quickcart.order.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator may type for a new product, and what each mistake is told; no database needed. */
class ProductDraftTest {

    @Test
    void aProductWithNamePricesAndDescriptionIsTakenAsWritten() {
        ProductDraft.Result result = ProductDraft.parse("Netflix 1 Bulan\nRp 45.000\n40,000\nProfil bersama\n4K");
        assertThat(result.ok()).isTrue();
        assertThat(result.draft()).isEqualTo(new ProductDraft("Netflix 1 Bulan", 45_000, 40_000L, "Profil bersama\n4K"));
    }

    @Test
    void aDashMeansNoResellerPriceAndTheDescriptionMayBeLeftOut() {
        assertThat(ProductDraft.parse("Canva Pro\n15000\n-").draft()).isEqualTo(new ProductDraft("Canva Pro", 15_000, null, ""));
        assertThat(ProductDraft.parse("Canva Pro\n15000").draft()).isEqualTo(new ProductDraft("Canva Pro", 15_000, null, ""));
    }

    @Test
    void shorthandPricesAreRefusedRatherThanGuessed() {
        for (String price : new String[]{"15rb", "15k", "15 ribu", "0", "-5", "1.5", "100000001", "Rp"}) {
            assertThat(ProductDraft.parse("Produk\n" + price).errorKey()).as(price).isEqualTo("admin.price.invalid");
        }
    }

    @Test
    void aResellerPriceAboveTheCustomerPriceIsRefused() {
        assertThat(ProductDraft.parse("Produk\n10000\n12000").errorKey()).isEqualTo("admin.price.reseller");
    }

    @Test
    void eachMissingOrOversizedPartSaysWhatToFix() {
        assertThat(ProductDraft.parse("").errorKey()).isEqualTo("admin.product.format");
        assertThat(ProductDraft.parse("only a name").errorKey()).isEqualTo("admin.product.format");
        assertThat(ProductDraft.parse("x".repeat(81) + "\n1000").errorKey()).isEqualTo("admin.product.name");
        assertThat(ProductDraft.parse("Produk\n1000\n-\n" + "d".repeat(1001)).errorKey()).isEqualTo("admin.product.description");
    }
}
