package dev.apphome.examples;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Examples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.examples.ExampleAssertions.containers;
import static dev.apphome.examples.ExampleAssertions.longs;
import static dev.apphome.examples.ExampleAssertions.number;
import static dev.apphome.support.Plans.list;
import static dev.apphome.support.Plans.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code examples/social-analytics}: its production and staging plans hold what guide 002 asks
 * for. Mocks cannot prove RDS accepts PostgreSQL 15 on db.t3.medium with Performance Insights.
 */
class SocialAnalyticsExampleTest {

    private static final PlanRunner.Result PROD = Examples.plan("social-analytics", "prod");
    private static final PlanRunner.Result STAGING = Examples.plan("social-analytics", "staging");

    private static PlannedResource named(PlanRunner.Result plan, String type, String name) {
        return plan.named(type, plan.resources().get(0).name() + "-" + name);
    }

    @Test
    void productionPostgresIs15OnAMultiAzDbT3MediumWith100GbAndSevenDaysOfEncryptedBackups() {
        var db = named(PROD, "aws:rds/instance:Instance", "db-instance");

        assertEquals(List.of("postgres", "15", "db.t3.medium", true, 100L, 7L, true, "social_analytics"),
                List.of(db.input("engine"), db.input("engineVersion"), db.input("instanceClass"), db.input("multiAz"),
                        number(db, "allocatedStorage"), number(db, "backupRetentionPeriod"), db.input("storageEncrypted"),
                        db.input("dbName")));
        var staging = named(STAGING, "aws:rds/instance:Instance", "db-instance");
        assertEquals(List.of("db.t3.small", false), List.of(staging.input("instanceClass"), staging.input("multiAz")));
    }

    @Test
    void productionRedisIsAPrimaryAndTwoReplicasWithFailoverAndTlsStagingOneNode() {
        var cache = named(PROD, "aws:elasticache/replicationGroup:ReplicationGroup", "cache-group");

        assertEquals(List.of("redis", "7.0", 3L, true, true, true), List.of(cache.input("engine"), cache.input("engineVersion"),
                number(cache, "numCacheClusters"), cache.input("automaticFailoverEnabled"), cache.input("transitEncryptionEnabled"),
                cache.input("atRestEncryptionEnabled")));
        assertEquals(1L, number(named(STAGING, "aws:elasticache/replicationGroup:ReplicationGroup", "cache-group"), "numCacheClusters"));
    }

    @Test
    void theBackendRunsOneOnDemandTaskAsBaseThenSpotAtWeightFourAndScalesTwoToTen() {
        var service = named(PROD, "aws:ecs/service:Service", "backend-service");

        assertEquals(List.of(Map.of("base", 1L, "capacityProvider", "FARGATE", "weight", 1L),
                Map.of("base", 0L, "capacityProvider", "FARGATE_SPOT", "weight", 4L)),
                list(service.input("capacityProviderStrategies")).stream().map(s -> longs(map(s))).toList());
        var target = named(PROD, "aws:appautoscaling/target:Target", "backend-scaling");
        assertEquals(List.of(2L, 2L, 10L), List.of(number(service, "desiredCount"), number(target, "minCapacity"),
                number(target, "maxCapacity")));
        assertEquals(1L, number(named(STAGING, "aws:ecs/service:Service", "backend-service"), "desiredCount"));
    }

    @Test
    void theTargetGroupProbesHealthOnPort8000AndEcsProbesLiveness() {
        var group = PROD.ofType("aws:lb/targetGroup:TargetGroup").get(0);

        assertEquals(8000L, number(group, "port"));
        assertEquals(List.of("/health", 30L, 5L, 2L, 3L), List.of(group.input("healthCheck.path"), number(group, "healthCheck.interval"),
                number(group, "healthCheck.timeout"), number(group, "healthCheck.healthyThreshold"),
                number(group, "healthCheck.unhealthyThreshold")));
        assertEquals(List.of("CMD-SHELL", "curl -fs http://localhost:8000/health/live || exit 1"),
                map(containers(named(PROD, "aws:ecs/taskDefinition:TaskDefinition", "backend-task")).get(0).get("healthCheck"))
                        .get("command"));
    }

    @Test
    void theAlarmsAreTheGuidesCpuAndMemoryAbove80P99Above500MsAndTarget5xx() {
        Map<String, Double> thresholds = new java.util.TreeMap<>();
        PROD.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream().filter(a -> a.name().contains("-backend-"))
                .forEach(a -> thresholds.put(a.name().replace("apphome-prod-alerts-backend-", ""), ((Number) a.input("threshold")).doubleValue()));

        assertEquals(80.0, thresholds.get("cpu"));
        assertEquals(80.0, thresholds.get("memory"));
        assertEquals(0.5, thresholds.get("p99"), "seconds");
        assertEquals(10.0, thresholds.get("5xx"), "the guide gives no number: the program's default per minute");
        assertEquals(List.of(true, true), PROD.ofType("aws:ecr/repository:Repository").stream()
                .map(r -> r.input("imageScanningConfiguration.scanOnPush")).toList(), "backend and frontend scan on push");
    }
}
