package dev.apphome.service;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.dependents;
import static dev.apphome.support.Plans.list;
import static dev.apphome.support.Plans.map;
import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static dev.apphome.support.Plans.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services as planned. Mocks cannot prove that the image exists, that the task passes its health
 * check, or that IAM evaluates the policies as intended; these tests pin the exact statements,
 * security-group rules and task settings that decide those.
 */
class AppServiceTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String SECRET = "aws:secretsmanager/secret:Secret";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";

    private static List<String> rules(PlanRunner.Result plan, String group, String type) {
        return dependents(plan, plan.named(group), type, "securityGroupId").stream()
                .map(r -> r.input("fromPort") + " " + (r.input("cidrIpv4") != null ? r.inputString("cidrIpv4")
                        : source(plan, r, "referencedSecurityGroupId").name()))
                .sorted().toList();
    }

    private static List<Map<String, Object>> statements(PlanRunner.Result plan, String rolePolicy) {
        return Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", rolePolicy), "policy");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(PlanRunner.Result plan, String service) {
        var definitions = (List<Object>) Json.parse(plan.named("aws:ecs/taskDefinition:TaskDefinition", service + "-task").inputString("containerDefinitions"));
        return map(definitions.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsInPrivateSubnetsWithoutPublicAddressesAndRollsBack(String stack) {
        var plan = Stacks.plan(stack);
        var services = plan.ofType("aws:ecs/service:Service");

        assertEquals(3, services.size());
        for (PlannedResource service : services) {
            assertEquals(false, service.input("networkConfiguration.assignPublicIp"));
            assertTrue(names(sources(plan, service, "networkConfiguration")).stream()
                    .filter(n -> n.contains("-public-") || n.contains("-isolated-")).findAny().isEmpty());
            assertEquals(Map.of("enable", true, "rollback", true), service.input("deploymentCircuitBreaker"));
            assertEquals("ENABLED", service.inputString("availabilityZoneRebalancing"));
            assertEquals(false, service.input("enableExecuteCommand"));
        }
    }

    @Test
    void webServicesAcceptOnlyTheLoadBalancerAndInternalServicesOnlyTheirCallers() {
        var plan = Stacks.plan("prod");

        assertEquals(List.of("8080 apphome-prod-alb-sg"), rules(plan, "apphome-prod-api-sg", INGRESS));
        assertEquals(List.of("3001 apphome-prod-api-sg"), rules(plan, "apphome-prod-catalog-sg", INGRESS));
        assertEquals(List.of(), rules(plan, "apphome-prod-worker-sg", INGRESS));
    }

    @Test
    void servicesReachOnlyHttpsAndTheStoresAndServicesTheyDeclare() {
        var plan = Stacks.plan("prod");

        assertEquals(List.of("3001 apphome-prod-catalog-sg", "443 0.0.0.0/0", "5432 apphome-prod-db-sg",
                "6379 apphome-prod-cache-sg"), rules(plan, "apphome-prod-api-sg", EGRESS));
        assertEquals(List.of("443 0.0.0.0/0", "5432 apphome-prod-db-sg"), rules(plan, "apphome-prod-catalog-sg", EGRESS));
        assertEquals(List.of("443 0.0.0.0/0", "6379 apphome-prod-cache-sg"), rules(plan, "apphome-prod-worker-sg", EGRESS));
    }

    @Test
    void theExecutionRoleReadsExactlyTheServicesOwnSecretsLogsAndImage() {
        var plan = Stacks.plan("prod");
        var api = statements(plan, "apphome-prod-api-execution");

        assertEquals(List.of("WriteOwnLogs", "GetRegistryToken", "PullOwnImage", "ReadOwnSecrets", "DecryptOwnSecrets"),
                api.stream().map(s -> s.get("Sid")).toList());
        assertEquals(List.of("arn:aws:logs:eu-west-1:123456789012:log-group:/apphome-prod/services/api:*"),
                api.get(0).get("Resource"));
        assertEquals(List.of("arn:aws:ecr:eu-west-1:123456789012:repository/api"), api.get(2).get("Resource"));
        var secretArns = list(api.get(3).get("Resource"));
        assertEquals(3, secretArns.size());
        assertTrue(secretArns.contains(plan.named(SECRET, "apphome-prod-cache-auth-token").outputs().get("arn")));
        assertTrue(secretArns.contains(plan.named(SECRET, "apphome-prod-secrets-jwtSigningKey").outputs().get("arn")));
        assertTrue(secretArns.stream().anyMatch(a -> a.toString().contains(":secret:rds!db-")));
        assertEquals(Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager.eu-west-1.amazonaws.com")),
                api.get(4).get("Condition"));

        var worker = statements(plan, "apphome-prod-worker-execution");
        assertEquals(List.of(plan.named(SECRET, "apphome-prod-cache-auth-token").outputs().get("arn")), worker.get(3).get("Resource"));
    }

    @Test
    void theTaskRoleGrantsOnlyTheDeclaredStoresAtTheDeclaredLevel() {
        var plan = Stacks.plan("prod");
        String media = plan.named("apphome-prod-bucket-media-bucket").outputs().get("arn").toString();

        var api = statements(plan, "apphome-prod-api-task");
        assertEquals(List.of("ReadDatabaseCredentials", "DecryptDatabaseCredentials", "BucketMediaList", "BucketMediaObjects",
                "BucketMediaKey", "QueueJobsMessages", "QueueJobsKey"), api.stream().map(s -> s.get("Sid")).toList());
        assertEquals(List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject",
                "s3:AbortMultipartUpload"), api.get(3).get("Action"));
        assertEquals(List.of(media + "/*"), api.get(3).get("Resource"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey"), api.get(4).get("Action"));

        var worker = statements(plan, "apphome-prod-worker-task");
        assertEquals(List.of("s3:GetObject", "s3:GetObjectVersion"), worker.get(1).get("Action"));
        assertEquals(List.of("kms:Decrypt"), worker.get(2).get("Action"));

        var catalog = statements(plan, "apphome-prod-catalog-task");
        assertEquals(List.of("ReadDatabaseCredentials", "DecryptDatabaseCredentials"),
                catalog.stream().map(s -> s.get("Sid")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noStatementUsesAWildcardActionAndOnlyTheRegistryTokenUsesAnyResource(String stack) {
        var plan = Stacks.plan(stack);
        List<Map<String, Object>> all = new ArrayList<>();
        plan.ofType("aws:iam/rolePolicy:RolePolicy").forEach(p -> all.addAll(Json.statements(p, "policy")));

        assertFalse(all.isEmpty());
        for (Map<String, Object> statement : all) {
            list(statement.get("Action")).forEach(a -> assertFalse(a.toString().contains("*"), statement.toString()));
            if (list(statement.get("Resource")).contains("*")) {
                assertEquals(List.of("ecr:GetAuthorizationToken"), statement.get("Action"));
            }
        }
    }

    @Test
    void containersGetStoreLocationsAsVariablesAndCredentialsOnlyAsSecrets() {
        var plan = Stacks.plan("prod");
        var api = container(plan, "apphome-prod-api");

        assertEquals(List.of("BUCKET_MEDIA", "CACHE_HOST", "CACHE_PORT", "CACHE_TLS", "DB_HOST", "DB_NAME", "DB_PORT",
                "DB_SECRET_ARN", "LOG_LEVEL", "QUEUE_JOBS_URL"),
                list(api.get("environment")).stream().map(e -> map(e).get("name")).toList());
        assertEquals(List.of("CACHE_AUTH_TOKEN", "DB_CREDENTIALS", "JWT_SIGNING_KEY"),
                list(api.get("secrets")).stream().map(e -> map(e).get("name")).toList());
        assertTrue(list(api.get("secrets")).stream()
                .allMatch(e -> map(e).get("valueFrom").toString().startsWith("arn:aws:secretsmanager:eu-west-1:")));
        assertEquals(true, api.get("readonlyRootFilesystem"));
        assertEquals(List.of(Map.of("name", "http", "containerPort", 8080L, "protocol", "tcp", "appProtocol", "http")),
                api.get("portMappings"));
        assertEquals(Map.of("logDriver", "awslogs", "options", Map.of("awslogs-group", "/apphome-prod/services/api",
                "awslogs-region", "eu-west-1", "awslogs-stream-prefix", "api")), api.get("logConfiguration"));
        assertNull(container(plan, "apphome-prod-worker").get("portMappings"));
        assertEquals(Map.of("command", List.of("CMD-SHELL", "wget -q -O /dev/null http://localhost:3001/health || exit 1"),
                        "interval", 30L, "timeout", 5L, "retries", 3L, "startPeriod", 60L),
                container(plan, "apphome-prod-catalog").get("healthCheck"));
    }

    @Test
    void aServiceMayOptOutOfTheReadOnlyRootFileSystem() throws Exception {
        var plan = Stacks.planOf(Stacks.MINIMAL.replace("port: 8080", "port: 8080\n      readOnlyRootFilesystem: false"));
        var definitions = (List<?>) Json.parse(plan.ofType(TASK).get(0).inputString("containerDefinitions"));

        assertEquals(false, map(definitions.get(0)).get("readonlyRootFilesystem"));
        assertEquals(List.of(Map.of("sourceVolume", "tmp", "containerPath", "/tmp", "readOnly", false)),
                map(definitions.get(0)).get("mountPoints"));
    }

    @Test
    void taskDefinitionsCarryTheStackSizes() {
        var dev = Stacks.plan("dev").named(TASK, "apphome-dev-api-task");
        var prod = Stacks.plan("prod").named(TASK, "apphome-prod-api-task");

        assertEquals(List.of("256", "512"), List.of(dev.inputString("cpu"), dev.inputString("memory")));
        assertEquals(List.of("1024", "2048"), List.of(prod.inputString("cpu"), prod.inputString("memory")));
        assertEquals(Map.of("cpuArchitecture", "X86_64", "operatingSystemFamily", "LINUX"), prod.input("runtimePlatform"));
        assertEquals("awsvpc", prod.inputString("networkMode"));
    }

    @Test
    void capacityStrategyFollowsTheStack() {
        var dev = Stacks.plan("dev").named("apphome-dev-api-service");
        var prod = Stacks.plan("prod").named("apphome-prod-api-service");

        assertEquals(List.of(Map.of("capacityProvider", "FARGATE", "base", 0L, "weight", 1L),
                        Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 3L)),
                dev.input("capacityProviderStrategies"));
        assertEquals(List.of(Map.of("capacityProvider", "FARGATE", "base", 2L, "weight", 1L)),
                prod.input("capacityProviderStrategies"));
        assertEquals(3L, prod.input("desiredCount"));
    }

    @Test
    void autoscalingTracksCpuAndRequestsPerTargetOfTheServicesOwnTargetGroup() {
        var plan = Stacks.plan("prod");
        var target = plan.named("apphome-prod-api-scaling");

        assertEquals(List.of(3L, 12L), List.of(target.input("minCapacity"), target.input("maxCapacity")));
        assertEquals("ecs:service:DesiredCount", target.inputString("scalableDimension"));
        var cpu = plan.named("apphome-prod-api-scale-cpu");
        assertEquals(70.0, ((Number) cpu.input("targetTrackingScalingPolicyConfiguration.targetValue")).doubleValue());
        assertEquals(300L, cpu.input("targetTrackingScalingPolicyConfiguration.scaleInCooldown"));
        assertEquals(60L, cpu.input("targetTrackingScalingPolicyConfiguration.scaleOutCooldown"));
        var requests = plan.named("apphome-prod-api-scale-requests");
        String lb = plan.named("aws:lb/loadBalancer:LoadBalancer", "apphome-prod-alb").outputs().get("arnSuffix").toString();
        String tg = plan.named("apphome-prod-api-tg").outputs().get("arnSuffix").toString();
        assertEquals(Map.of("predefinedMetricType", "ALBRequestCountPerTarget", "resourceLabel", lb + "/" + tg),
                requests.input("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification"));
        assertEquals(List.of("apphome-dev-worker-scaling"), names(Stacks.plan("dev").ofType("aws:appautoscaling/target:Target")));
    }

    @Test
    void aQueueWorkerTracksItsBacklogPerTaskCountingMessagesInFlight() {
        var plan = Stacks.plan("prod");
        var target = plan.named("apphome-prod-worker-scaling");
        var tracking = plan.named("aws:appautoscaling/policy:Policy", "apphome-prod-worker-scale-queue");
        String queue = plan.named("aws:sqs/queue:Queue", "apphome-prod-queue-jobs-queue").outputs().get("name").toString();
        String cluster = plan.named("aws:ecs/cluster:Cluster", "apphome-prod-cluster-ecs").outputs().get("name").toString();
        String service = plan.named("aws:ecs/service:Service", "apphome-prod-worker-service").outputs().get("name").toString();
        var config = map(tracking.input("targetTrackingScalingPolicyConfiguration"));
        var metrics = list(map(config.get("customizedMetricSpecification")).get("metrics"));

        assertEquals(List.of(0L, 6L), List.of(target.input("minCapacity"), target.input("maxCapacity")));
        assertEquals("TargetTrackingScaling", tracking.inputString("policyType"));
        assertEquals(100.0, ((Number) config.get("targetValue")).doubleValue());
        assertEquals(List.of(300L, 60L), List.of(config.get("scaleInCooldown"), config.get("scaleOutCooldown")));
        // Messages in flight count: a worker still holding messages keeps its task.
        assertEquals(List.of(
                        Map.of("id", "waiting", "returnData", false, "metricStat", Map.of("stat", "Sum", "metric", Map.of(
                                "namespace", "AWS/SQS", "metricName", "ApproximateNumberOfMessagesVisible",
                                "dimensions", List.of(Map.of("name", "QueueName", "value", queue)))))),
                metrics.subList(0, 1));
        assertEquals("ApproximateNumberOfMessagesNotVisible", map(map(map(metrics.get(1)).get("metricStat")).get("metric"))
                .get("metricName"));
        assertEquals(Map.of("namespace", "ECS/ContainerInsights", "metricName", "RunningTaskCount", "dimensions", List.of(
                        Map.of("name", "ClusterName", "value", cluster), Map.of("name", "ServiceName", "value", service))),
                map(map(metrics.get(2)).get("metricStat")).get("metric"));
        assertEquals(Map.of("id", "backlogPerTask", "label", "Messages waiting or in flight per running task",
                "expression", "(waiting + inflight) / running", "returnData", true), metrics.get(3));
    }

    @Test
    void aQueueWorkerAtZeroTasksIsStartedOnlyWhenMessagesWaitAndNoTaskRuns() {
        var plan = Stacks.plan("prod");
        var start = plan.named("aws:appautoscaling/policy:Policy", "apphome-prod-worker-scale-queue-out");
        var backlog = plan.named("aws:cloudwatch/metricAlarm:MetricAlarm", "apphome-prod-worker-queue-backlog");
        var queries = list(backlog.input("metricQueries"));

        assertEquals("ExactCapacity", start.inputString("stepScalingPolicyConfiguration.adjustmentType"));
        assertEquals(List.of(Map.of("metricIntervalLowerBound", "0", "scalingAdjustment", 1L)),
                start.input("stepScalingPolicyConfiguration.stepAdjustments"));
        assertEquals(List.of(start.outputs().get("arn")), backlog.input("alarmActions"));
        assertEquals(List.of("waiting", "running", "waitingWithoutTasks"), queries.stream().map(q -> map(q).get("id")).toList());
        assertEquals("IF(FILL(running, 0) < 1, waiting, 0)", map(queries.get(2)).get("expression"));
        assertEquals(List.of("GreaterThanThreshold", 0.0, 1L), List.of(backlog.input("comparisonOperator"),
                ((Number) backlog.input("threshold")).doubleValue(), backlog.input("evaluationPeriods")));
        // No step policy but this one: target tracking does the rest, and there is no empty-queue alarm.
        assertEquals(List.of("apphome-prod-worker-scale-queue", "apphome-prod-worker-scale-queue-out"),
                plan.ofType("aws:appautoscaling/policy:Policy").stream().map(p -> p.name())
                        .filter(n -> n.startsWith("apphome-prod-worker-")).sorted().toList());
    }

    @Test
    void serviceConnectPublishesInternalServicesAndLetsCallersResolveThem() {
        var plan = Stacks.plan("prod");

        var catalog = plan.named("apphome-prod-catalog-service").input("serviceConnectConfiguration");
        assertEquals(true, map(catalog).get("enabled"));
        assertEquals(List.of(Map.of("portName", "http", "discoveryName", "catalog",
                "clientAlias", List.of(Map.of("dnsName", "catalog", "port", 3001L)))), map(catalog).get("services"));
        var api = map(plan.named("apphome-prod-api-service").input("serviceConnectConfiguration"));
        assertEquals(true, api.get("enabled"));
        assertNull(api.get("services"));
        assertNull(plan.named("apphome-prod-worker-service").input("serviceConnectConfiguration"));
    }

    @Test
    void aTaskWaitsForItsSecretsValuesAndAServiceForItsRolesAndEveryRuleOfItsGroup() {
        var plan = Stacks.plan("dev");
        var task = plan.named("aws:ecs/taskDefinition:TaskDefinition", "apphome-dev-api-task");
        var service = plan.named("aws:ecs/service:Service", "apphome-dev-api-service");
        java.util.function.Function<List<String>, List<String>> named = urns -> urns.stream()
                .map(u -> plan.byUrn(u)).map(r -> r.type().substring(r.type().lastIndexOf(':') + 1) + " " + r.name())
                .sorted().toList();

        // The secret's value, not only the secret: a task started before it has one fails to start.
        assertTrue(named.apply(task.dependencies()).containsAll(List.of(
                "SecretVersion apphome-dev-cache-auth-token", "SecretVersion apphome-dev-secrets-jwtSigningKey")),
                named.apply(task.dependencies()).toString());
        assertTrue(named.apply(service.dependencies()).containsAll(List.of(
                        "RolePolicy apphome-dev-api-execution", "RolePolicy apphome-dev-api-task",
                        "SecurityGroupEgressRule apphome-dev-api-sg-out-https",
                        "SecurityGroupEgressRule apphome-dev-api-sg-out-apphome-dev-db-sg-5432",
                        "SecurityGroupEgressRule apphome-dev-api-sg-out-apphome-dev-cache-sg-6379",
                        "SecurityGroupEgressRule apphome-dev-api-sg-out-apphome-dev-catalog-sg-3001",
                        "SecurityGroupIngressRule apphome-dev-api-sg-in-apphome-dev-alb-sg-8080",
                        "ClusterCapacityProviders apphome-dev-cluster-capacity", "ListenerRule apphome-dev-api-rule")),
                named.apply(service.dependencies()).toString());
        var catalog = plan.named("aws:ecs/service:Service", "apphome-dev-catalog-service");
        assertTrue(named.apply(catalog.dependencies()).contains(
                "SecurityGroupIngressRule apphome-dev-catalog-sg-in-apphome-dev-api-sg-3001"));
    }

    @Test
    void aCapacityStrategyChangeRollsOutInPlace() {
        // Without forceNewDeployment the provider replaces a service whose capacity strategy changes.
        assertTrue(Stacks.plan("dev").ofType("aws:ecs/service:Service").stream()
                .allMatch(s -> Boolean.TRUE.equals(s.input("forceNewDeployment"))));
    }

    @Test
    void roleNamesFitIamsLimitWhateverTheStackAndServiceNames() {
        var plan = Stacks.planOf("config:\n  aws:region: eu-west-1\n  apphome:services:\n"
                + "    a-twenty-char-worker: {kind: worker, image: 'app:1'}\n", "staging-eu-central-1a");

        // IAM allows 64 characters; Pulumi adds 8 to the logical name.
        assertEquals(List.of(), plan.ofType("aws:iam/role:Role").stream().filter(r -> r.name().length() > 56)
                .map(r -> r.name()).toList());
        assertTrue(plan.ofType("aws:iam/role:Role").stream().anyMatch(r -> r.name().startsWith(
                "apphome-staging-eu-central-1a-a-twenty-char-wor")));
    }

    @Test
    void tracedServicesShareTheStacksSamplingRule() {
        var plan = Stacks.planOf(Stacks.MINIMAL.replace("port: 8080", "port: 8080\n      tracing: {enabled: true}")
                + "  apphome:traceSampling: {percent: 10, reservoirPerSecond: 2}\n");
        var rule = plan.ofType("aws:xray/samplingRule:SamplingRule").get(0);

        assertEquals(List.of("apphome-test", "apphome-test-*", 2L, 0.1), List.of(rule.input("ruleName"),
                rule.input("serviceName"), rule.input("reservoirSize"), ((Number) rule.input("fixedRate")).doubleValue()));
        assertEquals(List.of(), Stacks.plan("dev").ofType("aws:xray/samplingRule:SamplingRule"));
    }
}
