package com.quickcart.delivery.fulfilment;

import com.quickcart.common.events.order.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reservation's life as the saga allows it; no database needed. */
class ReservationStatusTest {

    @Test
    void onlyHeldStockIsHandedOverOrReleased() {
        assertThat(Arrays.stream(ReservationStatus.values()).filter(from -> from.canMoveTo(ReservationStatus.DELIVERED)))
                .containsExactly(ReservationStatus.RESERVED);
        assertThat(Arrays.stream(ReservationStatus.values()).filter(from -> from.canMoveTo(ReservationStatus.RELEASED)))
                .containsExactly(ReservationStatus.RESERVED);
    }

    @Test
    void deliveredRejectedAndReleasedReservationsNeverMoveAgain() {
        for (ReservationStatus ended : new ReservationStatus[]{ReservationStatus.DELIVERED, ReservationStatus.REJECTED,
                ReservationStatus.RELEASED}) {
            for (ReservationStatus to : ReservationStatus.values()) {
                assertThat(ended.canMoveTo(to)).as("%s → %s", ended, to).isFalse();
            }
        }
    }

    @Test
    void aMoveTheSagaDoesNotAllowIsRefusedBeforeAnySqlRuns() {
        Reservations reservations = new Reservations(null);
        assertThatThrownBy(() -> reservations.move("QC-1", ReservationStatus.DELIVERED, ReservationStatus.RELEASED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RELEASED to DELIVERED");
    }

    @Test
    void aReservationStartsOnlyClaimedOrRefused() {
        Reservations reservations = new Reservations(null);
        OrderPlaced order = new OrderPlaced("QC-1", 1, 1, "Key", 1, 1000, 0, null, 1000, null);
        assertThatThrownBy(() -> reservations.record(order, ReservationStatus.DELIVERED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never starts DELIVERED");
    }
}
