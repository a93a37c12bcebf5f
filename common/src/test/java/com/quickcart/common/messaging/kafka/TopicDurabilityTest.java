package com.quickcart.common.messaging.kafka;

import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.MessagingProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicDurabilityTest {

    @Test
    void withThreeReplicasEveryTopicAndItsDeadLetterTwinNeedTwoInSyncToAcceptAWrite() {
        List<NewTopic> topics = topicsFor((short) 3);

        assertThat(topics).hasSize(Topics.ALL.size() * 2);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void aSingleBrokerOrTwoReplicasStillAcceptWritesWithOneInSync() {
        assertThat(topicsFor((short) 1)).allSatisfy(topic -> assertThat(topic.configs()).containsEntry("min.insync.replicas", "1"));
        assertThat(topicsFor((short) 2)).allSatisfy(topic -> assertThat(topic.configs()).containsEntry("min.insync.replicas", "1"));
    }

    private static List<NewTopic> topicsFor(short replicationFactor) {
        MessagingProperties properties = new MessagingProperties(3, replicationFactor, 4, Duration.ofMillis(200),
                Duration.ofMillis(500), 100, Duration.ofSeconds(10), Duration.ofSeconds(30), 900_000, Duration.ofDays(14));
        return KafkaMessagingAutoConfiguration.topics(properties);
    }
}
