package com.quickcart.order.checkout;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order's life as the saga allows it; no database needed. */
class OrderStatusTest {

    @Test
    void aCompletedOrderCanOnlyBeRefundedAndARefundedOneNeverMovesAgain() {
        for (OrderStatus to : OrderStatus.values()) {
            assertThat(OrderStatus.COMPLETED.canMoveTo(to)).as("COMPLETED → %s", to).isEqualTo(to == OrderStatus.REFUNDED);
            assertThat(OrderStatus.REFUNDED.canMoveTo(to)).as("REFUNDED → %s", to).isFalse();
        }
        assertThat(OrderStatus.COMPLETED.terminal()).isTrue();
    }

    @Test
    void onlyAnOrderWhoseMoneyWasTakenCanBeRefundedByAnOperator() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::refundable))
                .containsExactlyInAnyOrder(OrderStatus.PAID, OrderStatus.COMPLETED);
    }

    @Test
    void goodsGoOutOnlyForAPaidOrder() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(from -> from.canMoveTo(OrderStatus.COMPLETED)))
                .containsExactly(OrderStatus.PAID);
    }

    @Test
    void moneyThatWinsARaceWithACancelStillBuysTheGoods() {
        assertThat(OrderStatus.CANCEL_REQUESTED.canMoveTo(OrderStatus.PAID)).isTrue();
        assertThat(OrderStatus.CANCEL_REQUESTED.cancellable()).as("already asked").isFalse();
    }

    @Test
    void anEndedOrderCanOnlyBeRefundedNeverPaid() {
        for (OrderStatus ended : new OrderStatus[]{OrderStatus.CANCELLED, OrderStatus.EXPIRED}) {
            assertThat(ended.canMoveTo(OrderStatus.PAID)).isFalse();
            assertThat(ended.canMoveTo(OrderStatus.REFUNDED)).isTrue();
            assertThat(ended.terminal()).isTrue();
        }
    }

    @Test
    void everyStateIsReachableFromPending() {
        java.util.Set<OrderStatus> reached = java.util.EnumSet.of(OrderStatus.PENDING);
        for (int round = 0; round < OrderStatus.values().length; round++) {
            for (OrderStatus from : java.util.Set.copyOf(reached)) {
                Arrays.stream(OrderStatus.values()).filter(from::canMoveTo).forEach(reached::add);
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @Test
    void aMoveTheSagaDoesNotAllowIsRefusedBeforeAnySqlRuns() {
        Orders orders = new Orders(null);
        assertThatThrownBy(() -> orders.move("QC-1", OrderStatus.PAID, OrderStatus.CANCELLED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CANCELLED to PAID");
    }
}
