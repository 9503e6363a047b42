package dev.apphome.jobs;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Plans;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The variant stack {@code jobs} (src/test/resources/stacks/Pulumi.jobs.yaml), planned once: a
 * scheduled Fargate job, a queue-driven function and a scheduled function, wired to the stack's
 * repositories, bucket, queue and secrets. Mocks cannot prove that AWS accepts them (the component
 * tests say what each relies on); what is pinned is what the program asks of AWS, as a whole stack.
 */
class JobsStackTest {

    private static final PlanRunner.Result PLAN = Stacks.anyPlan("jobs");
    private static final Map<String, String> PARENTS = PLAN.resources().stream().filter(r -> r.parent() != null)
            .collect(Collectors.toMap(PlannedResource::urn, PlannedResource::parent));
    private static final String P = "apphome-jobs-";

    /** Custom resources under a component (its children and theirs), counted by type. */
    private static Map<String, Long> under(String component) {
        String urn = PLAN.named(component).urn();
        return PLAN.resources().stream().filter(PlannedResource::custom).filter(r -> descendsFrom(r, urn))
                .collect(Collectors.groupingBy(PlannedResource::type, TreeMap::new, Collectors.counting()));
    }

    private static boolean descendsFrom(PlannedResource r, String urn) {
        for (String parent = r.parent(); parent != null; parent = PARENTS.get(parent)) {
            if (parent.equals(urn)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void eachCapabilityDeclaresExactlyItsResources() {
        assertEquals(Map.of("aws:cloudwatch/logGroup:LogGroup", 1L, "aws:ec2/securityGroup:SecurityGroup", 1L,
                        "aws:ecs/taskDefinition:TaskDefinition", 1L, "aws:iam/role:Role", 3L,
                        "aws:iam/rolePolicy:RolePolicy", 3L, "aws:scheduler/schedule:Schedule", 1L,
                        "aws:sqs/queue:Queue", 1L, "aws:sqs/queuePolicy:QueuePolicy", 1L,
                        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", 1L),
                under(P + "job-nightly-ingest"));
        assertEquals(Map.of("aws:cloudwatch/logGroup:LogGroup", 1L, "aws:ec2/securityGroup:SecurityGroup", 1L,
                        "aws:iam/role:Role", 1L, "aws:iam/rolePolicy:RolePolicy", 1L,
                        "aws:lambda/eventSourceMapping:EventSourceMapping", 1L, "aws:lambda/function:Function", 1L,
                        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", 1L),
                under(P + "fn-caption-parser"));
        assertEquals(Map.of("aws:cloudwatch/logGroup:LogGroup", 1L, "aws:ec2/securityGroup:SecurityGroup", 1L,
                        "aws:iam/role:Role", 2L, "aws:iam/rolePolicy:RolePolicy", 2L, "aws:lambda/function:Function", 1L,
                        "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", 1L,
                        "aws:scheduler/schedule:Schedule", 1L, "aws:sqs/queue:Queue", 1L,
                        "aws:sqs/queuePolicy:QueuePolicy", 1L,
                        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", 1L),
                under(P + "fn-feed-refresh"));
        assertEquals(Map.of("aws:scheduler/scheduleGroup:ScheduleGroup", 1L), under(P + "schedules"));
    }

    @Test
    void bothSchedulesLiveInTheStacksGroupInTheirOwnTimeZones() {
        var schedules = PLAN.ofType("aws:scheduler/schedule:Schedule").stream()
                .map(s -> s.input("name") + " " + s.input("groupName") + " " + s.input("scheduleExpression") + " "
                        + s.input("scheduleExpressionTimezone") + " " + s.input("flexibleTimeWindow"))
                .sorted().toList();

        assertEquals(List.of(
                "apphome-jobs-feed-refresh apphome-jobs rate(15 minutes) UTC {mode=OFF}",
                "apphome-jobs-job-nightly-ingest apphome-jobs cron(30 2 * * ? *) Europe/Dublin "
                        + "{maximumWindowInMinutes=15, mode=FLEXIBLE}"), schedules);
    }

    @Test
    void theJobRunsOnSpotAndItsTaskRoleWritesTheBucketAndProducesToTheQueueOnly() {
        var ecs = Plans.map(PLAN.named("aws:scheduler/schedule:Schedule", P + "job-nightly-ingest-schedule")
                .input("target.ecsParameters"));
        var sids = Json.statements(PLAN.named("aws:iam/rolePolicy:RolePolicy", P + "job-nightly-ingest-task"), "policy")
                .stream().map(s -> s.get("Sid") + " " + s.get("Action")).toList();

        assertEquals(List.of(Map.of("capacityProvider", "FARGATE", "base", 0L, "weight", 0L),
                Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 1L)), ecs.get("capacityProviderStrategies"));
        assertEquals(List.of(
                "BucketAssetsList [s3:ListBucket]",
                "BucketAssetsObjects [s3:GetObject, s3:GetObjectVersion, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload]",
                "BucketAssetsKey [kms:Decrypt, kms:GenerateDataKey]",
                "QueueCaptionsMessages [sqs:GetQueueAttributes, sqs:GetQueueUrl, sqs:SendMessage]",
                "QueueCaptionsKey [kms:Decrypt, kms:GenerateDataKey]"), sids);
    }

    @Test
    void theCaptionParserConsumesTheQueueItsJobFillsAndOnlyReadsTheBucket() {
        var mapping = PLAN.named("aws:lambda/eventSourceMapping:EventSourceMapping", P + "fn-caption-parser-queue");
        var queue = PLAN.named("aws:sqs/queue:Queue", P + "queue-captions-queue");
        var sids = Json.statements(PLAN.named("aws:iam/rolePolicy:RolePolicy", P + "fn-caption-parser-role"), "policy")
                .stream().map(s -> String.valueOf(s.get("Sid"))).toList();

        assertEquals(queue.outputs().get("arn"), mapping.input("eventSourceArn"));
        assertEquals(Map.of("maximumConcurrency", 10L), mapping.input("scalingConfig"));
        assertEquals(List.of("WriteOwnLogs", "ManageOwnNetworkInterfaces", "BucketAssetsList", "BucketAssetsObjects",
                "BucketAssetsKey", "QueueCaptionsEventSource", "QueueCaptionsEventSourceKey"), sids);
        assertEquals(20L, PLAN.named("aws:lambda/function:Function", P + "fn-caption-parser-function")
                .input("reservedConcurrentExecutions"));
    }

    @Test
    void theScheduledFunctionGetsItsKeyedSecretsArnAndKeysNeverValuesAndMayReadExactlyThatSecretOnce() {
        var function = PLAN.named("aws:lambda/function:Function", P + "fn-feed-refresh-function");
        var secret = PLAN.ofType("aws:secretsmanager/secret:Secret").stream()
                .filter(s -> s.name().endsWith("secrets-shop")).findFirst().orElseThrow();
        var read = Json.statements(PLAN.named("aws:iam/rolePolicy:RolePolicy", P + "fn-feed-refresh-role"), "policy")
                .stream().filter(s -> "ReadOwnSecrets".equals(s.get("Sid"))).findFirst().orElseThrow();

        // Lambda injects no secrets: two keys of one JSON secret are its ARN twice and each key's name.
        assertEquals(Map.of("variables", Map.of(
                        "SHOP_API_TOKEN_SECRET_ARN", secret.outputs().get("arn"), "SHOP_API_TOKEN_SECRET_KEY", "apiToken",
                        "SHOP_WEBHOOK_SECRET_SECRET_ARN", secret.outputs().get("arn"),
                        "SHOP_WEBHOOK_SECRET_SECRET_KEY", "webhookSecret")),
                function.input("environment"));
        assertEquals(List.of(secret.outputs().get("arn")), read.get("Resource"), "the secret once, not once per key");
    }

    @Test
    void onlyTheRepositoriesOfFunctionsLetLambdaPull() {
        var withLambda = PLAN.ofType("aws:ecr/repositoryPolicy:RepositoryPolicy").stream()
                .filter(p -> Json.statements(p, "policy").stream()
                        .anyMatch(s -> "LambdaPullsForThisStacksFunctions".equals(s.get("Sid"))))
                .map(PlannedResource::name).sorted().toList();

        assertEquals(List.of(P + "ecr-captions-policy", P + "ecr-feeds-policy"), withLambda);
    }

    @Test
    void everyDeadLetterQueueAndFunctionHasAnAlarmAndTheGroupOneForFailedInvocations() {
        var alarms = PLAN.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream().map(PlannedResource::name)
                .sorted().toList();

        assertTrue(alarms.containsAll(List.of(P + "alerts-fn-caption-parser-errors", P + "alerts-fn-feed-refresh-dead-letters",
                P + "alerts-fn-feed-refresh-errors", P + "alerts-job-nightly-ingest-dead-letters",
                P + "alerts-schedules-failed")), alarms.toString());
        assertEquals(7, alarms.size());
    }
}
