package com.quickcart.order.bot.button;

import com.quickcart.order.catalog.CatalogButtons.ShowProduct;
import com.quickcart.order.checkout.CheckoutButtons.Pay;
import com.quickcart.order.checkout.CheckoutButtons.PayBy;
import com.quickcart.order.checkout.CheckoutButtons.Summary;
import com.quickcart.order.deposit.DepositButtons.CustomAmount;
import com.quickcart.order.deposit.DepositButtons.PresetAmount;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of button the storefront draws, written and read back; nothing a client sends can break reading. */
class ButtonCodecTest {

    private static final List<Class<? extends Button>> KINDS = allButtonKinds();
    private static final ButtonCodec CODEC = new ButtonCodec(KINDS);

    @Test
    void theStorefrontHasItsButtonKindsAndEachHasAWireForm() {
        assertThat(KINDS).hasSizeGreaterThanOrEqualTo(25).contains(ShowProduct.class, Pay.class, MainMenu.class);
    }

    @Test
    void everyButtonKindRoundTripsWithRandomFieldsWithinSixtyFourBytes() {
        Random random = new Random(42);
        for (Class<? extends Button> kind : KINDS) {
            for (int i = 0; i < 200; i++) {
                Button button = randomButton(kind, random);
                String data = ButtonCodec.encode(button);
                assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isLessThanOrEqualTo(64);
                assertThat(CODEC.decode(data)).as(data).contains(button);
            }
        }
    }

    @Test
    void buttonsAlreadyInCustomersChatsStillReadAsBefore() {
        assertThat(CODEC.decode("p:42:q:3")).contains(new ShowProduct(42, 3));
        assertThat(CODEC.decode("pay:b:7:2:HEMAT10")).contains(new Pay(PayBy.B, 7, 2, "HEMAT10"));
        assertThat(CODEC.decode("pay:q:7:1")).contains(new Pay(PayBy.Q, 7, 1, null));
        assertThat(CODEC.decode("buy:7:1")).contains(new Summary(7, 1, null));
        assertThat(CODEC.decode("dep:c")).contains(new CustomAmount());
        assertThat(CODEC.decode("dep:25000")).contains(new PresetAmount(25000));
        assertThat(ButtonCodec.encode(new Pay(PayBy.Q, 1, 2, null))).isEqualTo("pay:q:1:2");
    }

    @Test
    void dataThatNoButtonSpellsReadsAsNothing() {
        for (String data : List.of("", "zz", "p", "p:1", "p:x:q:1", "p:1:z:1", "p:1:q:1:extra", "pay:x:1:1", "ho:", "ho:99999999999",
                "m:extra", "cancel:", ":", "::::", "dep:-", "acc:e:password", "sr:1:2")) {
            assertThat(CODEC.decode(data)).as(data).isEmpty();
        }
        assertThat(CODEC.decode(null)).isEmpty();
        assertThat(CODEC.decode("o:" + "9".repeat(80))).as("longer than Telegram allows").isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(7);
        String alphabet = "pq:0123456789abcdefghijklmnopqrstuvwxyz-_\u00e9\u0000:::";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder data = new StringBuilder();
            int length = random.nextInt(70);
            for (int c = 0; c < length; c++) {
                data.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) random.nextInt(0x3000));
            }
            Optional<Button> ignored = CODEC.decode(data.toString());
            assertThat(ignored).isNotNull();
        }
    }

    @Test
    void aButtonThatWouldExceedTelegramsLimitIsRefusedWhenDrawn() {
        assertThatThrownBy(() -> ButtonCodec.encode(new Pay(PayBy.Q, Long.MAX_VALUE, Integer.MAX_VALUE, "V".repeat(40))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 bytes");
        assertThatThrownBy(() -> ButtonCodec.encode(new Summary(1, 1, "A:B")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Button>> allButtonKinds() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Button.class));
        List<Class<? extends Button>> kinds = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.quickcart.order")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.isRecord()) {
                    kinds.add((Class<? extends Button>) type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return kinds;
    }

    private static Button randomButton(Class<? extends Button> kind, Random random) {
        RecordComponent[] components = kind.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            types[i] = type;
            boolean last = i == components.length - 1;
            if (type == long.class) {
                values[i] = random.nextLong(0, 10_000_000_000L);
            } else if (type == int.class) {
                values[i] = random.nextInt(0, 100_000);
            } else if (type == String.class) {
                values[i] = last && random.nextInt(3) == 0 ? null : randomWord(random);
            } else {
                Object[] constants = type.getEnumConstants();
                values[i] = constants[random.nextInt(constants.length)];
            }
        }
        try {
            var constructor = kind.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            Button button = constructor.newInstance(values);
            // A required String may not be null: only an optional trailing one may (checked by encoding).
            try {
                ButtonCodec.encode(button);
                return button;
            } catch (IllegalArgumentException requiredWasNull) {
                values[values.length - 1] = randomWord(random);
                return constructor.newInstance(values);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomWord(Random random) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-";
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(14);
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }
}
