package dev.apphome.functions;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.common.PolicyDocument;
import dev.apphome.messaging.Queue;
import dev.apphome.messaging.QueueSettings;
import dev.apphome.network.Firewall;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.registry.ImageRepository;
import dev.apphome.registry.RepositorySettings;
import dev.apphome.scheduling.StackSchedules;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.support.Plans;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One function alone, with a queue, a repository and a made-up store around it. Mocks cannot prove
 * what Lambda does at deploy time: that it accepts the image (pulled under the repository's policy
 * as its service principal), that it encrypts the environment with the key through the grant it
 * makes when the function is created (so the role carries no kms:Decrypt for it), that it refuses a
 * queue whose visibility timeout is below the function's timeout (checked before anything is
 * declared, see {@code FunctionSettingsTest}), or that the scheduler invokes it asynchronously so
 * that the on-failure destination applies. What is pinned is exactly what the program asks for.
 */
class AppFunctionComponentTest {

    private static final String NAME = "test-fn-parser";
    private static final String FUNCTION = "test-parser";

    private static PlanRunner.Result plan(Map<String, Object> values, boolean failuresToQueue) {
        var settings = Components.settings(FunctionSettings.class, values);
        return Components.declare(s -> {
            var network = s.network(2);
            var repository = new ImageRepository("ecr-parser", "test/parser",
                    Components.settings(RepositorySettings.class, Map.of()), s.aws(), s.keyArn(), Optional.of("test-"),
                    s.protection(), ComponentResourceOptions.Empty);
            var queue = new Queue("queue-captions", Components.settings(QueueSettings.class,
                    Map.of("visibilityTimeoutSeconds", 360)), s.stores());
            var failures = new Queue("queue-failures", Components.settings(QueueSettings.class, Map.of()), s.stores());
            var schedules = new StackSchedules("test-schedules", "test", ComponentResourceOptions.Empty);
            var store = new Firewall("store", "a store", network.vpcId(), schedules);
            var placement = new AppFunction.Placement(network, s.aws(), s.keyArn(), 30, Map.of("parser", repository),
                    Optional.of(schedules));
            new AppFunction(NAME, FUNCTION, settings, placement, client -> {
                store.admit(client.firewall(), 6379, client.name() + " to the store");
                return new Connection(Map.of("STORE_HOST", Output.of("store.internal")),
                        Map.of("STORE_TOKEN", Output.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:token")),
                        List.of(PolicyDocument.allow("UseStore", List.of("store:Use"), List.of("arn:aws:store:::x"))));
            }, settings.queue().map(q -> queue), failuresToQueue ? Optional.of(failures) : Optional.empty(),
                    ComponentResourceOptions.Empty);
        });
    }

    /** Planned once for the tests that read them (not in this class's initialiser: the program calls its lambdas). */
    private static final class OnQueue {
        static final PlanRunner.Result PLAN = plan(Map.of("repository", "parser", "tag", "1.8.0", "architecture", "arm64",
                "memory", 1024, "timeoutSeconds", 60, "reservedConcurrency", 20, "ephemeralStorageMb", 1024,
                "command", List.of("parser.handler"), "environment", Map.of("LOG_LEVEL", "info"),
                "queue", Map.of("name", "captions", "batchSize", 10, "maxBatchingWindowSeconds", 5, "maxConcurrency", 10)),
                false);
    }

    private static final class OnSchedule {
        static final PlanRunner.Result PLAN = plan(Map.of("repository", "parser", "tag", "1.8.0", "tracing", true,
                "schedule", Map.of("at", "rate(15 minutes)", "retryAttempts", 2, "maxEventAgeSeconds", 600),
                "retryAttempts", 1, "maxEventAgeSeconds", 900), false);
    }

    private static PlannedResource function(PlanRunner.Result plan) {
        return plan.named("aws:lambda/function:Function", NAME + "-function");
    }

    private static Object arn(PlanRunner.Result plan, String type, String name) {
        return plan.named(type, name).outputs().get("arn");
    }

    private static Object keyArn(PlanRunner.Result plan) {
        return plan.ofType("aws:kms/key:Key").get(0).outputs().get("arn");
    }

    @Test
    void theFunctionRunsItsImageFromTheStacksRepositoryWithItsSizesInThePrivateSubnets() {
        var plan = OnQueue.PLAN;
        var function = function(plan);
        var repository = plan.named("aws:ecr/repository:Repository", "ecr-parser-repository");
        var privateSubnets = plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().startsWith("test-private-"))
                .sorted(Comparator.comparing(PlannedResource::name)).map(PlannedResource::id).toList();

        assertEquals(List.of(FUNCTION, "Image", repository.outputs().get("repositoryUrl") + ":1.8.0", List.of("arm64")),
                List.of(function.input("name"), function.input("packageType"), function.input("imageUri"),
                        function.input("architectures")));
        assertEquals(List.of(1024L, 60L, 20L, Map.of("size", 1024L), Map.of("commands", List.of("parser.handler"))),
                List.of(function.input("memorySize"), function.input("timeout"), function.input("reservedConcurrentExecutions"),
                        function.input("ephemeralStorage"), function.input("imageConfig")));
        assertEquals(Map.of("subnetIds", privateSubnets, "securityGroupIds",
                List.of(plan.named("aws:ec2/securityGroup:SecurityGroup", NAME + "-sg").id())), function.input("vpcConfig"));
        assertEquals(arn(plan, "aws:iam/role:Role", NAME + "-role"), function.input("role"));
        assertNull(function.input("tracingConfig"));
    }

    @Test
    void itsEnvironmentIsEncryptedWithTheStacksKeyAndCarriesSecretArnsNeverValues() {
        var function = function(OnQueue.PLAN);

        assertEquals(keyArn(OnQueue.PLAN), function.input("kmsKeyArn"));
        assertEquals(Map.of("variables", Map.of("LOG_LEVEL", "info", "STORE_HOST", "store.internal",
                "STORE_TOKEN_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:token")),
                function.input("environment"));
    }

    @Test
    void itsLogGroupIsMadeFirstUnderTheNameLambdaWritesToEncryptedAndKeptForTheStacksRetention() {
        var plan = OnQueue.PLAN;
        var logs = plan.named("aws:cloudwatch/logGroup:LogGroup", NAME + "-logs");
        var function = function(plan);

        assertEquals(List.of("/aws/lambda/" + FUNCTION, 30L, keyArn(plan)),
                List.of(logs.input("name"), logs.input("retentionInDays"), logs.input("kmsKeyId")));
        assertEquals(Map.of("logFormat", "Text", "logGroup", "/aws/lambda/" + FUNCTION), function.input("loggingConfig"));
        assertTrue(function.dependencies().containsAll(List.of(logs.urn(),
                plan.named("aws:iam/rolePolicy:RolePolicy", NAME + "-role").urn(),
                plan.named("aws:ecr/repositoryPolicy:RepositoryPolicy", "ecr-parser-policy").urn())));
    }

    @Test
    void lambdaAloneMayAssumeItsRoleWhichGrantsWhatItsStoresGiveTheNetworkInterfacesLogsAndItsQueue() {
        var plan = OnQueue.PLAN;
        var trust = Json.statements(plan.named("aws:iam/role:Role", NAME + "-role"), "assumeRolePolicy");
        var statements = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", NAME + "-role"), "policy");
        var queue = arn(plan, "aws:sqs/queue:Queue", "queue-captions-queue");

        assertEquals(List.of(Map.of("Effect", "Allow", "Principal", Map.of("Service", "lambda.amazonaws.com"),
                "Action", "sts:AssumeRole")), trust);
        assertEquals(List.of(
                Map.of("Sid", "WriteOwnLogs", "Effect", "Allow", "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "Resource", List.of(arn(plan, "aws:cloudwatch/logGroup:LogGroup", NAME + "-logs") + ":*")),
                Map.of("Sid", "ManageOwnNetworkInterfaces", "Effect", "Allow", "Action", List.of("ec2:CreateNetworkInterface",
                        "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"), "Resource", List.of("*")),
                Map.of("Sid", "UseStore", "Effect", "Allow", "Action", List.of("store:Use"), "Resource", List.of("arn:aws:store:::x")),
                Map.of("Sid", "ReadOwnSecrets", "Effect", "Allow", "Action", List.of("secretsmanager:GetSecretValue"),
                        "Resource", List.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:token")),
                Map.of("Sid", "DecryptOwnSecrets", "Effect", "Allow", "Action", List.of("kms:Decrypt"),
                        "Resource", List.of(keyArn(plan)), "Condition", Map.of("StringEquals",
                                Map.of("kms:ViaService", "secretsmanager.eu-west-1.amazonaws.com"))),
                Map.of("Sid", "QueueTestEventSource", "Effect", "Allow", "Action", List.of("sqs:ReceiveMessage",
                        "sqs:DeleteMessage", "sqs:GetQueueAttributes"), "Resource", List.of(queue)),
                Map.of("Sid", "QueueTestEventSourceKey", "Effect", "Allow", "Action", List.of("kms:Decrypt"),
                        "Resource", List.of(keyArn(plan)), "Condition", Map.of("StringEquals",
                                Map.of("kms:ViaService", "sqs.eu-west-1.amazonaws.com")))),
                statements);
    }

    @Test
    void theQueueInvokesItInBatchesUpToItsConcurrencyWithPartialBatchResponses() {
        var plan = OnQueue.PLAN;
        var mappings = plan.ofType("aws:lambda/eventSourceMapping:EventSourceMapping");
        var mapping = mappings.get(0);

        assertEquals(1, mappings.size());
        assertEquals(Map.of("functionName", arn(plan, "aws:lambda/function:Function", NAME + "-function"),
                        "eventSourceArn", arn(plan, "aws:sqs/queue:Queue", "queue-captions-queue"), "enabled", true,
                        "batchSize", 10L, "maximumBatchingWindowInSeconds", 5L,
                        "scalingConfig", Map.of("maximumConcurrency", 10L),
                        "functionResponseTypes", List.of("ReportBatchItemFailures")),
                mapping.inputs());
        assertTrue(mapping.dependencies().contains(plan.named("aws:iam/rolePolicy:RolePolicy", NAME + "-role").urn()));
        // Its failed messages go to the queue's own dead-letter queue: nothing of its own does.
        assertEquals(List.of(), plan.ofType("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig"));
        assertEquals(List.of(), plan.ofType("aws:scheduler/schedule:Schedule"));
    }

    @Test
    void itsGroupIsClosedButForHttpsOutAndTheStoreItUsesAdmitsIt() {
        var plan = OnQueue.PLAN;
        var group = plan.named("aws:ec2/securityGroup:SecurityGroup", NAME + "-sg");
        var egress = Plans.dependents(plan, group, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "securityGroupId");
        var admitted = Plans.dependents(plan, group, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "referencedSecurityGroupId");

        assertEquals(List.of("0.0.0.0/0 443", "null 6379"), egress.stream()
                .map(r -> r.input("cidrIpv4") + " " + r.input("fromPort")).sorted().toList());
        assertEquals(List.of("store-sg-in-" + NAME + "-sg-6379"), Plans.names(admitted));
        assertEquals(List.of(), Plans.dependents(plan, group, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "securityGroupId"));
    }

    @Test
    void theRepositoryLetsLambdaPullOnlyForThisStacksFunctionsAndExemptsOnlyAwsServicesFromTheAccountDeny() {
        var statements = Json.statements(OnQueue.PLAN.named("aws:ecr/repositoryPolicy:RepositoryPolicy", "ecr-parser-policy"),
                "policy");

        assertEquals(List.of(
                Map.of("Sid", "OnlyThisAccount", "Effect", "Deny", "Principal", "*", "Action", "ecr:*",
                        "Condition", Map.of("StringNotEquals", Map.of("aws:PrincipalAccount", "123456789012"),
                                "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false"))),
                Map.of("Sid", "LambdaPullsForThisStacksFunctions", "Effect", "Allow",
                        "Principal", Map.of("Service", "lambda.amazonaws.com"),
                        "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                        "Condition", Map.of("StringLike", Map.of("aws:sourceArn",
                                "arn:aws:lambda:eu-west-1:123456789012:function:test-*")))),
                statements);
    }

    @Test
    void aScheduleInvokesItWithARoleThatMayInvokeOnlyItAndItsFailedRunsGoToItsDeadLetterQueue() {
        var plan = OnSchedule.PLAN;
        var schedule = plan.ofType("aws:scheduler/schedule:Schedule").get(0);
        var function = arn(plan, "aws:lambda/function:Function", NAME + "-function");
        var dlq = arn(plan, "aws:sqs/queue:Queue", NAME + "-dlq");
        var scheduler = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", NAME + "-scheduler"), "policy");
        var async = plan.ofType("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig").get(0);

        assertEquals(List.of(FUNCTION, "test", "rate(15 minutes)", function), List.of(schedule.input("name"),
                schedule.input("groupName"), schedule.input("scheduleExpression"), schedule.input("target.arn")));
        assertEquals(Map.of("maximumRetryAttempts", 2L, "maximumEventAgeInSeconds", 600L), schedule.input("target.retryPolicy"));
        assertEquals(Map.of("arn", dlq), schedule.input("target.deadLetterConfig"));
        assertNull(schedule.input("target.ecsParameters"));
        assertEquals(Map.of("Sid", "InvokeOwnFunction", "Effect", "Allow", "Action", List.of("lambda:InvokeFunction"),
                "Resource", List.of(function)), scheduler.get(0));
        assertEquals(List.of("InvokeOwnFunction", "SendDeadLetters", "EncryptDeadLetters"),
                scheduler.stream().map(s -> s.get("Sid")).toList());
        assertEquals(Map.of("functionName", FUNCTION, "maximumRetryAttempts", 1L, "maximumEventAgeInSeconds", 900L,
                "destinationConfig", Map.of("onFailure", Map.of("destination", dlq))), async.inputs());
    }

    @Test
    void aScheduledFunctionsOwnRoleMaySendItsFailedRunsAndItsDeadLetterQueueAdmitsBothSenders() {
        var plan = OnSchedule.PLAN;
        var statements = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", NAME + "-role"), "policy");
        var dlq = arn(plan, "aws:sqs/queue:Queue", NAME + "-dlq");
        var queuePolicy = Json.statements(plan.named("aws:sqs/queuePolicy:QueuePolicy", NAME + "-dlq-policy"), "policy");

        assertTrue(statements.contains(Map.of("Sid", "SendFailedRuns", "Effect", "Allow", "Action", List.of("sqs:SendMessage"),
                "Resource", List.of(dlq))), statements.toString());
        assertTrue(statements.contains(Map.of("Sid", "SendTraces", "Effect", "Allow", "Action",
                List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), "Resource", List.of("*"))), statements.toString());
        assertEquals(Map.of("StringNotEquals", Map.of("aws:PrincipalArn", List.of(
                arn(plan, "aws:iam/role:Role", NAME + "-scheduler"), arn(plan, "aws:iam/role:Role", NAME + "-role")))),
                queuePolicy.get(1).get("Condition"));
        assertEquals(Map.of("mode", "Active"), function(plan).input("tracingConfig"));
        assertFalse(statements.stream().anyMatch(s -> String.valueOf(s.get("Sid")).contains("EventSource")));
    }

    @Test
    void failedRunsGoToTheQueueTheStackFileNames() {
        var plan = plan(Map.of("repository", "parser", "tag", "1.8.0", "schedule", Map.of("at", "cron(0 3 * * ? *)"),
                "onFailure", "failures"), true);
        var async = plan.ofType("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig").get(0);
        var failures = arn(plan, "aws:sqs/queue:Queue", "queue-failures-queue");
        var statements = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", NAME + "-role"), "policy");

        assertEquals(Map.of("onFailure", Map.of("destination", failures)), async.input("destinationConfig"));
        assertEquals(List.of(failures), statements.stream().filter(s -> "SendFailedRuns".equals(s.get("Sid")))
                .findFirst().orElseThrow().get("Resource"));
        assertEquals(List.of(2L, 21600L), List.of(async.input("maximumRetryAttempts"), async.input("maximumEventAgeInSeconds")));
    }
}
