package dev.apphome.examples;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Examples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.examples.ExampleAssertions.admits;
import static dev.apphome.examples.ExampleAssertions.environment;
import static dev.apphome.examples.ExampleAssertions.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code examples/wellness-platform}: its plans hold what guide 003 asks for. What the security
 * groups prove is who may open a connection; mocks cannot prove Service Connect's DNS names
 * resolve, nor that RDS Proxy accepts the PostgreSQL 16 target.
 */
class WellnessPlatformExampleTest {

    private static final PlanRunner.Result PROD = Examples.plan("wellness-platform", "prod");
    private static final PlanRunner.Result DEV = Examples.plan("wellness-platform", "dev");
    private static final Map<String, Long> INTERNAL = new java.util.TreeMap<>(Map.of("system-service", 3001L,
            "storage-service", 3002L, "user-service", 3003L, "ai-config-service", 3004L, "ai-content-service", 3005L,
            "ai-analytics-service", 3006L, "music-service", 3007L));
    private static final List<String> SERVICES = java.util.stream.Stream.concat(java.util.stream.Stream.of("api-gateway"),
            INTERNAL.keySet().stream()).sorted().toList();

    private static PlannedResource prod(String type, String name) {
        return PROD.named(type, "apphome-prod-" + name);
    }

    @Test
    void eachInternalServiceIsReachableOnlyFromItsCallerTheGatewayOnItsOwnPort() {
        INTERNAL.forEach((service, port) -> assertEquals(List.of("apphome-prod-api-gateway-sg:" + port),
                admits(PROD, "apphome-prod-" + service + "-sg"), service));
        assertEquals(List.of("apphome-prod-alb-sg:8080"), admits(PROD, "apphome-prod-api-gateway-sg"));
    }

    @Test
    void theDatabaseIsReachableOnlyThroughRdsProxyWhichRequiresTlsAndAdmitsTheEightServices() {
        assertEquals(List.of("apphome-prod-db-proxy-sg:5432"), admits(PROD, "apphome-prod-db-sg"));
        assertEquals(SERVICES.stream().map(s -> "apphome-prod-" + s + "-sg:5432").toList(), admits(PROD, "apphome-prod-db-proxy-sg"));
        var proxy = prod("aws:rds/proxy:Proxy", "db-proxy");
        assertEquals(true, proxy.input("requireTls"));
        for (String service : SERVICES) {
            assertEquals(proxy.outputs().get("endpoint"), environment(prod("aws:ecs/taskDefinition:TaskDefinition",
                    service + "-task")).get("DB_HOST"), service + " connects to the proxy, not the instance");
        }
    }

    @Test
    void productionPostgres16IsAMultiAzDbT3MediumAndDevADbT3Micro() {
        var db = prod("aws:rds/instance:Instance", "db-instance");

        assertEquals(List.of("16", "db.t3.medium", true, 100L, 7L), List.of(db.input("engineVersion"), db.input("instanceClass"),
                db.input("multiAz"), number(db, "allocatedStorage"), number(db, "backupRetentionPeriod")));
        var dev = DEV.named("aws:rds/instance:Instance", "apphome-dev-db-instance");
        assertEquals(List.of("db.t3.micro", false), List.of(dev.input("instanceClass"), dev.input("multiAz")));
        assertEquals(1, DEV.ofType("aws:rds/proxy:Proxy").size(), "dev reaches its database the same way");
    }

    @Test
    void everyServiceIsHalfAVcpuAndOneGbInProductionAndAQuarterAndHalfAGbInDev() {
        for (String service : SERVICES) {
            var prodTask = prod("aws:ecs/taskDefinition:TaskDefinition", service + "-task");
            var devTask = DEV.named("aws:ecs/taskDefinition:TaskDefinition", "apphome-dev-" + service + "-task");
            assertEquals(List.of("512", "1024", "256", "512"), List.of(prodTask.inputString("cpu"), prodTask.inputString("memory"),
                    devTask.inputString("cpu"), devTask.inputString("memory")), service);
        }
    }

    @Test
    void servicesScaleTwoToTenOnCpu70AndMemory80OutAfter60SecondsInAfter300() {
        for (String service : SERVICES) {
            var target = prod("aws:appautoscaling/target:Target", service + "-scaling");
            assertEquals(List.of(2L, 10L), List.of(number(target, "minCapacity"), number(target, "maxCapacity")), service);
            for (var metric : Map.of("cpu", 70L, "memory", 80L).entrySet()) {
                var policy = prod("aws:appautoscaling/policy:Policy", service + "-scale-" + metric.getKey());
                assertEquals(List.of(metric.getValue(), 60L, 300L), List.of(
                        number(policy, "targetTrackingScalingPolicyConfiguration.targetValue"),
                        number(policy, "targetTrackingScalingPolicyConfiguration.scaleOutCooldown"),
                        number(policy, "targetTrackingScalingPolicyConfiguration.scaleInCooldown")), service + " " + metric.getKey());
            }
        }
    }

    @Test
    void theAlarmsAreTheGuidesTable() {
        Map<String, Double> thresholds = new java.util.TreeMap<>();
        PROD.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> a.name().startsWith("apphome-prod-alerts-api-gateway-") || a.name().equals("apphome-prod-alerts-db-connections"))
                .forEach(a -> thresholds.put(a.name().replace("apphome-prod-alerts-", ""), ((Number) a.input("threshold")).doubleValue()));

        assertEquals(80.0, thresholds.get("api-gateway-cpu"));
        assertEquals(85.0, thresholds.get("api-gateway-memory"));
        assertEquals(10.0, thresholds.get("api-gateway-5xx"));
        assertEquals(1.0, thresholds.get("api-gateway-p95"), "seconds");
        // 80 % of the 413 connections RDS allows PostgreSQL on a db.t3.medium's 4 GiB (the program's estimate).
        assertEquals(330.0, thresholds.get("db-connections"));
    }
}
