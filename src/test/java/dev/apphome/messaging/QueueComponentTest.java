package dev.apphome.messaging;

import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A queue alone, with settings built here. */
class QueueComponentTest {

    @Test
    void messagesThatFailMoveToTheDeadLetterQueueAfterTheReceiveCount() {
        var settings = Components.settings(QueueSettings.class, Map.of("maxReceiveCount", 3, "visibilityTimeoutSeconds", 120,
                "retentionDays", 7));
        var plan = Components.declare(s -> new Queue("jobs", settings, s.stores()));
        var queue = plan.named("aws:sqs/queue:Queue", "jobs-queue");

        assertEquals(Map.of("deadLetterTargetArn", plan.named("aws:sqs/queue:Queue", "jobs-dlq").outputs().get("arn"),
                "maxReceiveCount", 3L), Json.object(queue, "redrivePolicy"));
        assertEquals(List.of(120L, 604800L, 20L), List.of(queue.input("visibilityTimeoutSeconds"),
                queue.input("messageRetentionSeconds"), queue.input("receiveWaitTimeSeconds")));
    }

    @Test
    void eachAccessLevelGetsExactlyItsActions() {
        var settings = Components.settings(QueueSettings.class, Map.of());
        var c = new Connection[3];
        Components.declare(s -> {
            var queue = new Queue("jobs", settings, s.stores());
            c[0] = queue.connect(new Client("a", null), QueueAccess.PRODUCE);
            c[1] = queue.connect(new Client("a", null), QueueAccess.CONSUME);
            c[2] = queue.connect(new Client("a", null), QueueAccess.BOTH);
        });

        assertEquals(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"), c[0].taskStatements().get(0).get("Action"));
        assertEquals(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility"), c[1].taskStatements().get(0).get("Action"));
        assertEquals(6, ((List<?>) c[2].taskStatements().get(0).get("Action")).size());
        assertEquals(List.of("QUEUE_TEST_URL"), List.copyOf(c[0].environment().keySet()));
    }
}
