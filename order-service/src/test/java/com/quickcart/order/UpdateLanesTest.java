package com.quickcart.order;

import com.quickcart.common.events.Topics;
import com.quickcart.order.StorefrontDriver.User;
import com.quickcart.testsupport.TelegramUpdates;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Customers' updates are handled a chat at a time, many chats at once (docs/adr/0027). */
class UpdateLanesTest extends StorefrontContext {

    @Autowired DataSource dataSource;

    @Test
    void aCustomerWhoseUpdateWaitsOnTheDatabaseDoesNotHoldUpAnotherCustomerOnTheSamePartition() throws Exception {
        User slow = driver.newUser("en");
        slow.says("/start");
        slow.screen();
        User other = driver.new User(chatOnTheSamePartitionAs(slow.id), "en");

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT 1 FROM users WHERE telegram_id = ? FOR UPDATE")) {
                lock.setLong(1, slow.id);
                assertThat(lock.executeQuery().next()).isTrue();
            }
            // The slow customer's next update must write their user row: it waits on the lock.
            slow.says("/help");
            other.says("/help");
            assertThat(other.screen().text()).as("answered while the other chat's update still waits").contains("user guide");
            assertThat(slow.replies()).as("the slow chat is still waiting").noneMatch(r -> r.text().contains("user guide"));
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> slow.replies().stream().anyMatch(r -> r.text().contains("user guide")));
    }

    /** A new chat whose key Kafka's default partitioner puts on the same partition of telegram.updates. */
    private long chatOnTheSamePartitionAs(long chat) {
        int partitions = kafka.partitionsFor(Topics.TELEGRAM_UPDATES).size();
        int target = partitionOf(chat, partitions);
        while (true) {
            long candidate = TelegramUpdates.newChatId();
            if (partitionOf(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    private static int partitionOf(long chat, int partitions) {
        return Utils.toPositive(Utils.murmur2(Long.toString(chat).getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
