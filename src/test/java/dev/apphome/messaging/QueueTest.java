package dev.apphome.messaging;

import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.dependents;
import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Work queues as planned: encrypted, TLS-only, with a dead-letter queue, and exact access per service. */
class QueueTest {

    private static final String QUEUE = "aws:sqs/queue:Queue";

    private static PlannedResource queue(String name) {
        return Stacks.plan("prod").named(QUEUE, "apphome-prod-queue-jobs-" + name);
    }

    @Test
    void failedMessagesMoveToAnEncryptedDeadLetterQueue() {
        var plan = Stacks.plan("prod");
        var main = queue("queue");
        var dlq = queue("dlq");

        assertEquals(Map.of("deadLetterTargetArn", dlq.outputs().get("arn"), "maxReceiveCount", 5L),
                Json.parse(main.inputString("redrivePolicy")));
        assertEquals(dlq.urn(), source(plan, main, "redrivePolicy").urn());
        assertEquals(120L, main.input("visibilityTimeoutSeconds"));
        assertEquals(4L * 86400, main.input("messageRetentionSeconds"));
        assertEquals(14L * 86400, dlq.input("messageRetentionSeconds"));
        assertEquals(20L, main.input("receiveWaitTimeSeconds"));
        for (PlannedResource q : List.of(main, dlq)) {
            assertEquals("aws:kms/key:Key", source(plan, q, "kmsMasterKeyId").type());
            var policy = dependents(plan, q, "aws:sqs/queuePolicy:QueuePolicy", "queueUrl");
            assertEquals(1, policy.size());
            assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")),
                    Json.statements(policy.get(0), "policy").get(0).get("Condition"));
        }
    }

    @Test
    void producersMaySendAndConsumersMayReceiveNothingMore() {
        var plan = Stacks.plan("prod");
        String arn = queue("queue").outputs().get("arn").toString();
        var api = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", "apphome-prod-api-task"), "policy");
        var worker = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", "apphome-prod-worker-task"), "policy");
        var produce = api.stream().filter(s -> s.get("Sid").equals("QueueJobsMessages")).findFirst().orElseThrow();
        var consume = worker.stream().filter(s -> s.get("Sid").equals("QueueJobsMessages")).findFirst().orElseThrow();

        assertEquals(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"), produce.get("Action"));
        assertEquals(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility"), consume.get("Action"));
        assertEquals(List.of(arn), consume.get("Resource"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey"), api.stream()
                .filter(s -> s.get("Sid").equals("QueueJobsKey")).findFirst().orElseThrow().get("Action"));
        assertEquals(List.of("kms:Decrypt"), worker.stream()
                .filter(s -> s.get("Sid").equals("QueueJobsKey")).findFirst().orElseThrow().get("Action"));
    }
}
