package com.quickcart.e2e.saga;

import com.quickcart.testsupport.CheckoutInvariants;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What must hold once a checkout story has settled: the saga's own invariants over the services'
 * tables ({@link CheckoutInvariants}, shared with the fault-injection suite), plus what only this
 * world can see: every record that crossed the broker (none may hold goods in clear) and the
 * records it dead-lettered (none may be).
 */
final class SagaInvariants {

    static Optional<String> check(SagaWorld world, long product, int stock, List<Long> buyers) {
        List<String> broken = new ArrayList<>();
        long inClear = world.published.stream().filter(record -> record.contains(SagaWorld.Goods.MARK)).count();
        if (inClear > 0) {
            broken.add(inClear + " outbox rows or topic records hold goods in clear");
        }
        if (!world.deadLetters.isEmpty()) {
            broken.add("dead letters: " + world.deadLetters);
        }
        broken.addAll(CheckoutInvariants.check(new CheckoutInvariants.Stores(world.orderDb(), world.paymentDb(), world.deliveryDb()),
                product, stock, buyers));
        return broken.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", broken));
    }

    private SagaInvariants() {
    }
}
