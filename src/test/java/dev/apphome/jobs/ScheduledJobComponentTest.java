package dev.apphome.jobs;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.common.PolicyDocument;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.network.Firewall;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.registry.ImageRepository;
import dev.apphome.registry.RepositorySettings;
import dev.apphome.scheduling.StackSchedules;
import dev.apphome.service.Cluster;
import dev.apphome.service.ClusterSettings;
import dev.apphome.service.FargateTask;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.support.Plans;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.list;
import static dev.apphome.support.Plans.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scheduled job alone: its task, its schedule in the stack's group, the scheduler's role and
 * the dead-letter queue. Mocks cannot prove that EventBridge Scheduler accepts the schedule (its
 * expression, window and retry ranges are checked here against the provider's and the API's
 * documented limits), that it sets aws:SourceArn to the group's ARN when it assumes the role (the
 * trust condition follows AWS CDK's scheduler targets), that ECS evaluates ecs:cluster on RunTask,
 * or that it delivers dead letters with the role: what is pinned is what the program asks of AWS.
 */
class ScheduledJobComponentTest {

    private static final String NAME = "test-job-ingest";
    private static final Map<String, Object> NIGHTLY = Map.of("at", "cron(30 2 * * ? *)", "timeZone", "Europe/Dublin",
            "flexibleWindowMinutes", 15, "retryAttempts", 3, "maxEventAgeSeconds", 3600);

    /** The job, with a made-up store whose own security group admits the job on 5432 through {@code uses}. */
    private static PlanRunner.Result plan(Map<String, Object> values) {
        var settings = Components.settings(JobSettings.class, values);
        return Components.declare(s -> {
            var network = s.network(2);
            var cluster = new Cluster("cluster", Components.settings(ClusterSettings.class, Map.of("spotWeight", 1)),
                    "test.internal", s.protection(), ComponentResourceOptions.Empty);
            var repository = new ImageRepository("ecr-ingest", "test/ingest",
                    Components.settings(RepositorySettings.class, Map.of()), s.aws(), s.keyArn(), s.protection(),
                    ComponentResourceOptions.Empty);
            var schedules = new StackSchedules("test-schedules", "test", ComponentResourceOptions.Empty);
            var store = new Firewall("store", "a store", network.vpcId(), schedules);
            var placement = new ScheduledJob.Placement(network, cluster, new FargateTask.Placement(s.aws(), s.keyArn(),
                    "/test/jobs", 30, Map.of("ingest", repository)), schedules);
            new ScheduledJob(NAME, settings, placement, client -> {
                store.admit(client.firewall(), 5432, client.name() + " to the store");
                return new Connection(Map.of("STORE_HOST", Output.of("store.internal")),
                        Map.of("STORE_PASSWORD", Output.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:store")),
                        List.of(PolicyDocument.allow("UseStore", List.of("store:Use"), List.of("arn:aws:store:::x"))));
            }, ComponentResourceOptions.Empty);
        });
    }

    /**
     * Planned once for the tests that read it. Not a static field of this class: the program calls
     * this class's lambdas on the engine's threads, which would wait for the class to finish
     * initialising while its initialiser waits for the program.
     */
    private static final class Nightly {
        static final PlanRunner.Result PLAN = plan(Map.of("repository", "ingest", "tag", "2025.06.1",
                "command", List.of("ingest", "--since", "24h"), "cpu", 512, "memory", 1024, "schedule", NIGHTLY));
    }

    private static PlannedResource schedule(PlanRunner.Result plan) {
        return plan.named("aws:scheduler/schedule:Schedule", NAME + "-schedule");
    }

    @Test
    void theScheduleRunsOneTaskOfTheJobOnFargateInThePrivateSubnetsWithoutAPublicAddress() {
        var schedule = schedule(Nightly.PLAN);
        var cluster = Nightly.PLAN.named("aws:ecs/cluster:Cluster", "cluster-ecs");
        var task = Nightly.PLAN.named("aws:ecs/taskDefinition:TaskDefinition", NAME + "-task");
        var group = Nightly.PLAN.named("aws:iam/role:Role", NAME + "-scheduler");
        var privateSubnets = Nightly.PLAN.ofType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.name().startsWith("test-private-"))
                .sorted(java.util.Comparator.comparing(PlannedResource::name)).map(PlannedResource::id).toList();

        assertEquals(cluster.outputs().get("arn"), schedule.input("target.arn"));
        assertEquals(group.outputs().get("arn"), schedule.input("target.roleArn"));
        assertEquals(Map.of("taskDefinitionArn", task.outputs().get("arn"), "taskCount", 1L, "platformVersion", "LATEST",
                "launchType", "FARGATE", "networkConfiguration", Map.of("assignPublicIp", false,
                        "subnets", privateSubnets,
                        "securityGroups", List.of(Nightly.PLAN.named("aws:ec2/securityGroup:SecurityGroup", NAME + "-sg").id()))),
                schedule.input("target.ecsParameters"));
        assertEquals(NAME, task.input("family"));
    }

    @Test
    void theScheduleReadsItsCronInItsTimeZoneWithinItsWindowAndRetriesIntoItsDeadLetterQueue() {
        var schedule = schedule(Nightly.PLAN);

        assertEquals(List.of(NAME, "test", "cron(30 2 * * ? *)", "Europe/Dublin", "ENABLED"), List.of(
                schedule.input("name"), schedule.input("groupName"), schedule.input("scheduleExpression"),
                schedule.input("scheduleExpressionTimezone"), schedule.input("state")));
        assertEquals(Map.of("mode", "FLEXIBLE", "maximumWindowInMinutes", 15L), schedule.input("flexibleTimeWindow"));
        assertEquals(Map.of("maximumRetryAttempts", 3L, "maximumEventAgeInSeconds", 3600L), schedule.input("target.retryPolicy"));
        assertEquals(Map.of("arn", Nightly.PLAN.named("aws:sqs/queue:Queue", NAME + "-dlq").outputs().get("arn")),
                schedule.input("target.deadLetterConfig"));
        assertNull(schedule.input("kmsKeyArn"));
    }

    @Test
    void withoutAWindowTheScheduleStartsOnTheMinuteAndTheSchedulersDefaultsAreWrittenOut() {
        var plan = plan(Map.of("image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ingest:1.0.0",
                "schedule", Map.of("at", "rate(1 day)", "enabled", false)));
        var schedule = schedule(plan);

        assertEquals(Map.of("mode", "OFF"), schedule.input("flexibleTimeWindow"));
        assertEquals(Map.of("maximumRetryAttempts", 185L, "maximumEventAgeInSeconds", 86400L), schedule.input("target.retryPolicy"));
        assertEquals(List.of("UTC", "DISABLED"), List.of(schedule.input("scheduleExpressionTimezone"), schedule.input("state")));
    }

    @Test
    void aJobWithACapacityStrategyStartsOnItInsteadOfALaunchType() {
        var plan = plan(Map.of("repository", "ingest", "tag", "1.0.0", "schedule", NIGHTLY,
                "capacity", Map.of("fargateBase", 0, "fargateWeight", 0, "spotWeight", 1)));
        var ecs = map(schedule(plan).input("target.ecsParameters"));

        assertEquals(List.of(Map.of("capacityProvider", "FARGATE", "base", 0L, "weight", 0L),
                Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 1L)), ecs.get("capacityProviderStrategies"));
        assertNull(ecs.get("launchType"));
        assertTrue(schedule(plan).dependencies().contains(plan.named("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
                "cluster-capacity").urn()));
    }

    @Test
    void theSchedulerMayOnlyAssumeTheRoleForThisAccountsGroup() {
        var trust = Json.statements(Nightly.PLAN.named("aws:iam/role:Role", NAME + "-scheduler"), "assumeRolePolicy");
        var group = Nightly.PLAN.named("aws:scheduler/scheduleGroup:ScheduleGroup", "test-schedules-group");

        assertEquals(List.of(Map.of("Effect", "Allow", "Principal", Map.of("Service", "scheduler.amazonaws.com"),
                "Action", "sts:AssumeRole", "Condition", Map.of("StringEquals", Map.of(
                        "aws:SourceAccount", "123456789012", "aws:SourceArn", group.outputs().get("arn"))))), trust);
        assertEquals("arn:aws:scheduler:eu-west-1:123456789012:schedule-group/test", group.outputs().get("arn"));
    }

    @Test
    void theSchedulersRoleMayRunOnlyThisFamilyInThisClusterPassOnlyItsTwoRolesAndSendOnlyToItsQueue() {
        var statements = Json.statements(Nightly.PLAN.named("aws:iam/rolePolicy:RolePolicy", NAME + "-scheduler"), "policy");
        var cluster = Nightly.PLAN.named("aws:ecs/cluster:Cluster", "cluster-ecs");
        var execution = Nightly.PLAN.named("aws:iam/role:Role", NAME + "-execution");
        var taskRole = Nightly.PLAN.named("aws:iam/role:Role", NAME + "-task");
        var dlq = Nightly.PLAN.named("aws:sqs/queue:Queue", NAME + "-dlq");

        assertEquals(List.of(
                Map.of("Sid", "RunOwnTask", "Effect", "Allow", "Action", List.of("ecs:RunTask"),
                        "Resource", List.of("arn:aws:ecs:eu-west-1:123456789012:task-definition/" + NAME + ":*"),
                        "Condition", Map.of("ArnEquals", Map.of("ecs:cluster", cluster.outputs().get("arn")))),
                Map.of("Sid", "PassOwnTaskRoles", "Effect", "Allow", "Action", List.of("iam:PassRole"),
                        "Resource", List.of(execution.outputs().get("arn"), taskRole.outputs().get("arn")),
                        "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"))),
                Map.of("Sid", "SendDeadLetters", "Effect", "Allow", "Action", List.of("sqs:SendMessage"),
                        "Resource", List.of(dlq.outputs().get("arn"))),
                Map.of("Sid", "EncryptDeadLetters", "Effect", "Allow", "Action", List.of("kms:GenerateDataKey", "kms:Decrypt"),
                        "Resource", List.of(Nightly.PLAN.ofType("aws:kms/key:Key").get(0).outputs().get("arn")),
                        "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "sqs.eu-west-1.amazonaws.com")))),
                statements);
    }

    @Test
    void theDeadLetterQueueIsEncryptedKeptTwoWeeksAndOnlyTheSchedulerMaySendToItOverTls() {
        var dlq = Nightly.PLAN.named("aws:sqs/queue:Queue", NAME + "-dlq");
        var statements = Json.statements(Nightly.PLAN.named("aws:sqs/queuePolicy:QueuePolicy", NAME + "-dlq-policy"), "policy");
        var role = Nightly.PLAN.named("aws:iam/role:Role", NAME + "-scheduler");

        assertEquals(Nightly.PLAN.ofType("aws:kms/key:Key").get(0).outputs().get("arn"), dlq.input("kmsMasterKeyId"));
        assertEquals(1209600L, ((Number) dlq.input("messageRetentionSeconds")).longValue());
        assertEquals(List.of(
                Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*", "Action", "sqs:*",
                        "Resource", List.of(dlq.outputs().get("arn")),
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                Map.of("Sid", "OnlyItsSendersSend", "Effect", "Deny", "Principal", "*", "Action", "sqs:SendMessage",
                        "Resource", List.of(dlq.outputs().get("arn")),
                        "Condition", Map.of("StringNotEquals", Map.of("aws:PrincipalArn", List.of(role.outputs().get("arn")))))),
                statements);
    }

    @Test
    void theJobsGroupIsClosedButForHttpsOutAndTheStoreItUsesAdmitsIt() {
        var jobGroup = Nightly.PLAN.named("aws:ec2/securityGroup:SecurityGroup", NAME + "-sg");
        var storeGroup = Nightly.PLAN.named("aws:ec2/securityGroup:SecurityGroup", "store-sg");
        var egress = Plans.dependents(Nightly.PLAN, jobGroup, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                "securityGroupId");
        var ingress = Plans.dependents(Nightly.PLAN, jobGroup, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "referencedSecurityGroupId");

        assertEquals(List.of(NAME + "-sg-out-https", NAME + "-sg-out-store-sg-5432"), Plans.names(egress));
        assertEquals(List.of("0.0.0.0/0 443", "null 5432"), egress.stream().map(r -> r.input("cidrIpv4") + " " + r.input("fromPort"))
                .sorted().toList());
        assertEquals(List.of("store-sg-in-" + NAME + "-sg-5432"), Plans.names(ingress));
        assertEquals(storeGroup.id(), ingress.get(0).inputString("securityGroupId"));
        assertEquals(List.of(), Plans.dependents(Nightly.PLAN, jobGroup,
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "securityGroupId"));
    }

    @Test
    void theTaskRunsTheCommandWithWhatItsStoresGiveItAndItsExecutionRolePullsOnlyItsRepository() {
        var task = Nightly.PLAN.named("aws:ecs/taskDefinition:TaskDefinition", NAME + "-task");
        var container = map(list(Json.parse(task.inputString("containerDefinitions"))).get(0));
        var pull = Json.statements(Nightly.PLAN.named("aws:iam/rolePolicy:RolePolicy", NAME + "-execution"), "policy")
                .stream().filter(s -> "PullOwnImage".equals(s.get("Sid"))).findFirst().orElseThrow();
        var repository = Nightly.PLAN.named("aws:ecr/repository:Repository", "ecr-ingest-repository");

        assertEquals(List.of("512", "1024"), List.of(task.input("cpu"), task.input("memory")));
        assertEquals(List.of("ingest", "--since", "24h"), container.get("command"));
        assertEquals(repository.outputs().get("repositoryUrl") + ":2025.06.1", container.get("image"));
        assertEquals(List.of(Map.of("name", "STORE_HOST", "value", "store.internal")), container.get("environment"));
        assertEquals(List.of(Map.of("name", "STORE_PASSWORD", "valueFrom",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:store")), container.get("secrets"));
        assertEquals(List.of(repository.outputs().get("arn")), pull.get("Resource"));
        assertEquals("/test/jobs/test", Nightly.PLAN.named("aws:cloudwatch/logGroup:LogGroup", NAME + "-logs").input("name"));
        assertEquals(List.of("UseStore"), Json.statements(Nightly.PLAN.named("aws:iam/rolePolicy:RolePolicy", NAME + "-task"),
                "policy").stream().map(s -> s.get("Sid")).toList());
    }

    /** Beside what its inputs come from, the schedule waits for everything a run needs in place. */
    @Test
    void theScheduleWaitsForTheRolePoliciesAndEveryRuleThatOpensTheJobsGroup() {
        var schedule = schedule(Nightly.PLAN);

        assertEquals(List.of("aws:ecs/taskDefinition:TaskDefinition " + NAME + "-task",
                "aws:iam/rolePolicy:RolePolicy " + NAME + "-execution",
                "aws:iam/rolePolicy:RolePolicy " + NAME + "-scheduler",
                "aws:iam/rolePolicy:RolePolicy " + NAME + "-task",
                "aws:sqs/queuePolicy:QueuePolicy " + NAME + "-dlq-policy",
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule " + NAME + "-sg-out-https",
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule " + NAME + "-sg-out-store-sg-5432"),
                schedule.dependencies().stream().map(Nightly.PLAN::byUrn).map(r -> r.type() + " " + r.name())
                        .filter(n -> !n.contains("aws:ecs/cluster:") && !n.contains("aws:sqs/queue:Queue ")
                                && !n.contains("aws:iam/role:Role ") && !n.contains("aws:scheduler/")
                                && !n.contains("aws:ec2/") && !n.contains("aws:kms/"))
                        .sorted().toList());
    }

    @Test
    void aMovingTagABadCronAndANonFargateSizeAreRefusedTogether() {
        var e = assertThrows(InvalidSettingsException.class, () -> Components.settings(JobSettings.class, Map.of(
                "repository", "ingest", "tag", "latest", "cpu", 256, "memory", 4096,
                "schedule", Map.of("at", "cron(0 2 * * *)"))));

        assertTrue(e.getMessage().contains("JobSettings.schedule.at: found 'cron(0 2 * * *)', with 5 fields; allowed: six"),
                e.getMessage());
        assertTrue(e.getMessage().contains("JobSettings.tag: found 'latest', a tag that moves"), e.getMessage());
        assertTrue(e.getMessage().contains("JobSettings.memory: cpu 256 with memory 4096 is not a Fargate size"), e.getMessage());
    }

    @Test
    void aJobWithoutAScheduleIsRefusedWithWhatToWrite() {
        var e = assertThrows(InvalidSettingsException.class, () -> Components.settings(JobSettings.class,
                Map.of("image", "ingest:1")));

        assertTrue(e.getMessage().contains("JobSettings.schedule: is required; allowed: an object with at, e.g. "
                + "{at: \"cron(0 2 * * ? *)\", timeZone: Europe/Dublin}"), e.getMessage());
    }
}
