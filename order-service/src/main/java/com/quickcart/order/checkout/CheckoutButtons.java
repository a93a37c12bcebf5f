package com.quickcart.order.checkout;

import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/**
 * From "Buy" to a placed order. Prices never travel in a button: the summary and the order are
 * priced from today's catalogue, so an old button can only ask, never fix, a price.
 */
public final class CheckoutButtons {

    @ButtonData("buy:{productId}:{quantity}:{voucher?}")
    public record Summary(long productId, int quantity, String voucher) implements Button {
    }

    @ButtonData("vch:{productId}:{quantity}")
    public record AskVoucher(long productId, int quantity) implements Button {
    }

    @ButtonData("pay:{by}:{productId}:{quantity}:{voucher?}")
    public record Pay(PayBy by, long productId, int quantity, String voucher) implements Button {

        public Pay(PaymentMethod method, long productId, int quantity, String voucher) {
            this(PayBy.of(method), productId, quantity, voucher);
        }

        public PaymentMethod method() {
            return by.method;
        }
    }

    /** One letter on the wire ({@code pay:q:…}, {@code pay:b:…}): the form buttons already in chats carry. */
    public enum PayBy {
        Q(PaymentMethod.QRIS), B(PaymentMethod.BALANCE);

        private final PaymentMethod method;

        PayBy(PaymentMethod method) {
            this.method = method;
        }

        static PayBy of(PaymentMethod method) {
            return method == PaymentMethod.BALANCE ? B : Q;
        }
    }

    @ButtonData("cancel:{orderId}")
    public record CancelOrder(String orderId) implements Button {
    }

    private CheckoutButtons() {
    }
}
