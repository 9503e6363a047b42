package dev.apphome.service;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.common.PolicyDocument;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.apphome.support.Plans.list;
import static dev.apphome.support.Plans.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** One service alone, with settings built here and a store connection made up for the test. */
class AppServiceComponentTest {

    private static dev.apphome.plan.PlanRunner.Result plan(Map<String, Object> values, Connection connection) {
        var settings = Components.settings(ServiceSettings.class, values);
        return Components.declare(s -> {
            var network = s.network(2);
            var cluster = new Cluster("cluster", Components.settings(ClusterSettings.class, Map.of()), "test.internal",
                    s.protection(), ComponentResourceOptions.Empty);
            var placement = new AppService.Placement(network, cluster, Optional.empty(), s.aws(), s.keyArn(), "/test", 30);
            new AppService("svc", settings, placement, client -> connection, false, Optional.empty(), s.protection(),
                    ComponentResourceOptions.Empty).launch();
        });
    }

    @Test
    void aWorkerHasNoPortAndReceivesWhatItsStoresGiveIt() {
        var connection = new Connection(Map.of("STORE_URL", Output.of("https://store.example")),
                Map.of("STORE_TOKEN", Output.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:token")),
                List.of(PolicyDocument.allow("UseStore", List.of("store:Use"), List.of("arn:aws:store:::x"))));
        var plan = plan(Map.of("kind", "worker", "image", "app:1", "cpu", 512, "memory", 1024), connection);
        var task = plan.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0);
        var container = map(list(Json.parse(task.inputString("containerDefinitions"))).get(0));

        assertEquals(List.of("512", "1024"), List.of(task.input("cpu"), task.input("memory")));
        assertFalse(container.containsKey("portMappings"));
        assertEquals(List.of(Map.of("name", "STORE_URL", "value", "https://store.example")), container.get("environment"));
        assertEquals(List.of(Map.of("name", "STORE_TOKEN", "valueFrom", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:token")),
                container.get("secrets"));
        assertEquals(List.of("UseStore"), Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", "svc-task"), "policy")
                .stream().map(st -> st.get("Sid")).toList());
        assertEquals(List.of("WriteOwnLogs", "ReadOwnSecrets", "DecryptOwnSecrets"),
                Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", "svc-execution"), "policy").stream()
                        .map(st -> st.get("Sid")).toList());
    }

    @Test
    void anInternalServiceListensOnItsPortAndIsNotAutoscaledAtOneTask() {
        var plan = plan(Map.of("kind", "internal", "image", "app:1", "port", 3001), Connection.none());
        var container = map(list(Json.parse(plan.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0)
                .inputString("containerDefinitions"))).get(0));

        assertEquals(List.of(Map.of("name", "http", "containerPort", 3001L, "protocol", "tcp", "appProtocol", "http")),
                container.get("portMappings"));
        assertEquals(List.of(), plan.ofType("aws:appautoscaling/target:Target"));
        assertEquals(List.of(), plan.ofType("aws:iam/rolePolicy:RolePolicy").stream().filter(r -> r.name().equals("svc-task")).toList());
    }

    @Test
    void aWorkerMayRunOnSpotAloneWhileTheClusterStaysOnDemand() {
        var plan = plan(Map.of("kind", "worker", "image", "app:1", "capacity", Map.of("fargateBase", 0, "fargateWeight", 0,
                "spotWeight", 1)), Connection.none());

        assertEquals(List.of(Map.of("capacityProvider", "FARGATE", "base", 0L, "weight", 0L),
                        Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 1L)),
                plan.ofType("aws:ecs/service:Service").get(0).input("capacityProviderStrategies"));
    }

    @Test
    void scheduledBoundsBecomeScheduledActionsInTheirTimeZone() {
        var plan = plan(Map.of("kind", "internal", "image", "app:1", "port", 3001, "desiredCount", 2, "minCount", 2,
                "maxCount", 6, "scaling", Map.of("schedules", List.of(
                        Map.of("at", "cron(0 20 ? * MON-FRI *)", "minCount", 0, "maxCount", 0, "timeZone", "Europe/Dublin"),
                        Map.of("at", "cron(0 7 ? * MON-FRI *)", "minCount", 2, "maxCount", 6, "timeZone", "Europe/Dublin")))),
                Connection.none());
        var actions = plan.ofType("aws:appautoscaling/scheduledAction:ScheduledAction");

        assertEquals(List.of("svc-schedule-1 cron(0 20 ? * MON-FRI *) Europe/Dublin {maxCapacity=0, minCapacity=0}",
                        "svc-schedule-2 cron(0 7 ? * MON-FRI *) Europe/Dublin {maxCapacity=6, minCapacity=2}"),
                actions.stream().map(a -> a.name() + " " + a.input("schedule") + " " + a.input("timezone") + " "
                        + new java.util.TreeMap<>(map(a.input("scalableTargetAction")))).sorted().toList());
    }

    @Test
    void aTracedServiceSendsToADaemonBesideItAndItsRoleMayOnlyWriteTraces() {
        var plan = plan(Map.of("kind", "worker", "image", "app:1", "cpu", 512, "memory", 1024, "tracing",
                Map.of("enabled", true), "metrics", "Commerce/Worker"), Connection.none());
        var containers = list(Json.parse(plan.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0)
                .inputString("containerDefinitions")));
        var statements = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", "svc-task"), "policy");

        assertEquals(List.of("app", "xray-daemon"), containers.stream().map(c -> map(c).get("name")).toList());
        assertEquals(List.of(32L, 256L, false), List.of(map(containers.get(1)).get("cpu"),
                map(containers.get(1)).get("memoryReservation"), map(containers.get(1)).get("essential")));
        assertEquals(List.of(Map.of("name", "AWS_XRAY_DAEMON_ADDRESS", "value", "127.0.0.1:2000"),
                Map.of("name", "AWS_XRAY_TRACING_NAME", "value", "svc"),
                Map.of("name", "METRICS_NAMESPACE", "value", "Commerce/Worker")), map(containers.get(0)).get("environment"));
        assertEquals(List.of("SendTraces", "PublishOwnMetrics"), statements.stream().map(st -> st.get("Sid")).toList());
        // PutMetricData has no resources to name: the namespace condition is the only scope it takes.
        assertEquals(Map.of("StringEquals", Map.of("cloudwatch:namespace", "Commerce/Worker")), statements.get(1).get("Condition"));
    }
}
