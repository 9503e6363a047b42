package dev.apphome.examples;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Examples;
import dev.apphome.support.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.list;
import static dev.apphome.support.Plans.map;
import static dev.apphome.examples.ExampleAssertions.longs;
import static dev.apphome.examples.ExampleAssertions.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code examples/commerce-link-hub}: its production plan holds what guides 000 and 001 ask for.
 * Mocks cannot prove that SNS delivers into the queues or that Spot capacity is there; the fan-out
 * and capacity wiring they do show is what a deploy would request.
 */
class CommerceLinkHubExampleTest {

    private static final PlanRunner.Result PROD = Examples.plan("commerce-link-hub", "prod");
    private static final PlanRunner.Result DEV = Examples.plan("commerce-link-hub", "dev");
    private static final List<String> QUEUES = List.of("auto-tagging", "caption-analysis", "thumbnail-generation");

    private static PlannedResource prod(String type, String name) {
        return PROD.named(type, "apphome-prod-" + name);
    }

    private static Object arn(PlannedResource r) {
        return r.outputs().get("arn");
    }

    @Test
    void theProcessingTopicFansOutToItsThreeQueuesEachWithItsOwnDeadLetterQueue() {
        var topic = prod("aws:sns/topic:Topic", "topic-processing-topic");
        var subscriptions = PROD.ofType("aws:sns/topicSubscription:TopicSubscription").stream()
                .filter(s -> arn(topic).equals(s.input("topic"))).toList();

        assertEquals(QUEUES.stream().map(q -> arn(prod("aws:sqs/queue:Queue", "queue-" + q + "-queue"))).toList(),
                subscriptions.stream().sorted(java.util.Comparator.comparing(PlannedResource::name))
                        .map(s -> s.input("endpoint")).toList());
        subscriptions.forEach(s -> assertEquals("sqs", s.input("protocol")));
        for (String queue : QUEUES) {
            var redrive = Json.parse(prod("aws:sqs/queue:Queue", "queue-" + queue + "-queue").inputString("redrivePolicy"));
            assertEquals(arn(prod("aws:sqs/queue:Queue", "queue-" + queue + "-dlq")), map(redrive).get("deadLetterTargetArn"), queue);
        }
        assertEquals(360L, number(prod("aws:sqs/queue:Queue", "queue-caption-analysis-queue"), "visibilityTimeoutSeconds"),
                "the caption parser's 300 seconds per message (000) and a minute to spare, before another worker may take it");
    }

    @Test
    void theFiveTablesAreOnDemandWithPointInTimeRecovery() {
        var tables = PROD.ofType("aws:dynamodb/table:Table");

        assertEquals(List.of("analytics", "jobs", "products", "users", "videos"), tables.stream()
                .map(t -> t.name().replace("apphome-prod-table-", "").replace("-table", "")).sorted().toList());
        tables.forEach(t -> {
            assertEquals("PAY_PER_REQUEST", t.input("billingMode"), t.name());
            assertEquals(true, t.input("pointInTimeRecovery.enabled"), t.name());
        });
    }

    @Test
    void theApisServeTheirPortsWithTheGuidesHealthCheckAndScaleFromTwoToTenOnCpu70() {
        for (var api : Map.of("ingestion-api", 3001L, "product-service", 3002L).entrySet()) {
            var group = PROD.ofType("aws:lb/targetGroup:TargetGroup").stream()
                    .filter(g -> number(g, "port") == api.getValue()).findFirst().orElseThrow();
            assertEquals(Map.of("enabled", true, "healthyThreshold", 2L, "interval", 30L, "matcher", "200", "path", "/health",
                    "port", "traffic-port", "protocol", "HTTP", "timeout", 5L, "unhealthyThreshold", 2L),
                    longs(map(group.input("healthCheck"))), api.getKey());
            var target = prod("aws:appautoscaling/target:Target", api.getKey() + "-scaling");
            assertEquals(List.of(2L, 10L), List.of(number(target, "minCapacity"),
                    number(target, "maxCapacity")), api.getKey());
            var cpu = prod("aws:appautoscaling/policy:Policy", api.getKey() + "-scale-cpu");
            assertEquals(70L, number(cpu, "targetTrackingScalingPolicyConfiguration.targetValue"));
        }
    }

    @Test
    void theWorkersRunOnlyOnSpotAndIdleAtZeroUntilTheirQueueFills() {
        for (String worker : List.of("thumbnail-generator", "caption-parser")) {
            var service = prod("aws:ecs/service:Service", worker + "-service");
            assertEquals(List.of(Map.of("base", 0L, "capacityProvider", "FARGATE", "weight", 0L),
                    Map.of("base", 0L, "capacityProvider", "FARGATE_SPOT", "weight", 1L)),
                    list(service.input("capacityProviderStrategies")).stream().map(s -> longs(map(s))).toList(), worker);
            assertEquals(0L, number(prod("aws:appautoscaling/target:Target", worker + "-scaling"), "minCapacity"));
            assertEquals("TargetTrackingScaling", prod("aws:appautoscaling/policy:Policy", worker + "-scale-queue").input("policyType"));
        }
    }

    @Test
    void theScheduledIngestionIsAnHourlyFunctionOfItsOwnImageSizedAsTheGuidesLambda() {
        var function = prod("aws:lambda/function:Function", "fn-scheduled-ingestion-function");
        var schedule = prod("aws:scheduler/schedule:Schedule", "fn-scheduled-ingestion-schedule");
        var repository = prod("aws:ecr/repository:Repository", "ecr-scheduled-ingestion-repository");

        assertEquals(List.of("Image", repository.outputs().get("repositoryUrl") + ":1.0.0", 1024L, 300L),
                List.of(function.input("packageType"), function.input("imageUri"), number(function, "memorySize"),
                        number(function, "timeout")));
        assertEquals(List.of("rate(1 hour)", "UTC", "ENABLED", function.outputs().get("arn")),
                List.of(schedule.input("scheduleExpression"), schedule.input("scheduleExpressionTimezone"),
                        schedule.input("state"), schedule.input("target.arn")));
        assertEquals(3600L, number(schedule, "target.retryPolicy.maximumEventAgeInSeconds"), "a run not started within the hour is dropped");
        assertEquals(3600L, number(prod("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
                "fn-scheduled-ingestion-async"), "maximumEventAgeInSeconds"));
    }

    @Test
    void theScheduledIngestionRunsInThePrivateSubnetsAndReachesOnlyWhatItIngestsInto() {
        var function = prod("aws:lambda/function:Function", "fn-scheduled-ingestion-function");
        var privateSubnets = PROD.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().startsWith("apphome-prod-private-"))
                .sorted(java.util.Comparator.comparing(PlannedResource::name)).map(PlannedResource::id).toList();

        assertEquals(2, privateSubnets.size());
        assertEquals(privateSubnets, function.input("vpcConfig.subnetIds"));
        assertEquals(List.of(prod("aws:ec2/securityGroup:SecurityGroup", "fn-scheduled-ingestion-sg").id()),
                function.input("vpcConfig.securityGroupIds"));
        // Mocks cannot show the function reaching Apify or Secrets Manager: only that it is given the
        // secret's ARN, never its value, and the stores it writes by name.
        assertEquals(Map.of("APIFY_TOKEN_SECRET_ARN", arn(prod("aws:secretsmanager/secret:Secret", "secrets-apify")),
                        "BUCKET_ASSETS", prod("aws:s3/bucketV2:BucketV2", "bucket-assets-bucket").id(),
                        "TABLE_JOBS", prod("aws:dynamodb/table:Table", "table-jobs-table").id(),
                        "TABLE_VIDEOS", prod("aws:dynamodb/table:Table", "table-videos-table").id(),
                        "TOPIC_PROCESSING_ARN", arn(prod("aws:sns/topic:Topic", "topic-processing-topic"))),
                function.input("environment.variables"));
        assertEquals(30L, number(prod("aws:cloudwatch/logGroup:LogGroup", "fn-scheduled-ingestion-logs"), "retentionInDays"),
                "the stack's retention: a function's log group has no 14-day key of its own");
        assertEquals("rate(1 hour)", DEV.named("aws:scheduler/schedule:Schedule", "apphome-dev-fn-scheduled-ingestion-schedule")
                .input("scheduleExpression"));
    }

    @Test
    void productionHasANatGatewayPerAzAndDevOneAsTheGuideAdvisesLogsKeptThirtyDays() {
        assertEquals(2, PROD.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(1, DEV.ofType("aws:ec2/natGateway:NatGateway").size());
        PROD.ofType("aws:cloudwatch/logGroup:LogGroup").stream().filter(g -> g.name().endsWith("-logs"))
                .forEach(g -> assertEquals(30L, number(g, "retentionInDays"), g.name()));
        List.of("secrets-jwt", "secrets-externalApis", "secrets-apify").forEach(s ->
                assertEquals(7L, number(prod("aws:secretsmanager/secret:Secret", s), "recoveryWindowInDays")));
    }

    @Test
    void theFrontendIsServedFromAPrivateBucketByCloudFrontUnderItsOwnDomain() {
        var distribution = PROD.ofType("aws:cloudfront/distribution:Distribution");

        assertEquals(1, distribution.size());
        assertEquals(List.of("www.example.com"), distribution.get(0).input("aliases"));
        assertEquals(List.of("assets", "backups", "logs", "thumbnails"), PROD.ofType("aws:s3/bucketV2:BucketV2").stream()
                .map(PlannedResource::name).filter(n -> n.matches("apphome-prod-bucket-[a-z]+-bucket"))
                .map(n -> n.replace("apphome-prod-bucket-", "").replace("-bucket", "")).sorted().toList());
    }
}
