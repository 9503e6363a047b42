package dev.apphome.examples;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Examples;
import dev.apphome.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.examples.ExampleAssertions.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code examples/wallet-service}: its plans hold what guide 004 asks for. Mocks cannot prove that
 * Aurora accepts max_connections 2000 on db.r6g.2xlarge or that MSK places a broker in each subnet's
 * AZ; the plan shows what is requested.
 */
class WalletServiceExampleTest {

    private static final PlanRunner.Result PROD = Examples.plan("wallet-service", "prod");
    private static final PlanRunner.Result STAGING = Examples.plan("wallet-service", "staging");

    private static PlannedResource prod(String type, String name) {
        return PROD.named(type, "apphome-prod-" + name);
    }

    @Test
    void auroraMysqlHasOneWriterAndTwoDbR6g2xlargeReaders35DaysOfBackupsAndMaxConnections2000() {
        var instances = PROD.ofType("aws:rds/clusterInstance:ClusterInstance");

        assertEquals(List.of("apphome-prod-db-reader-1", "apphome-prod-db-reader-2", "apphome-prod-db-writer"), Plans.names(instances));
        instances.forEach(i -> assertEquals("db.r6g.2xlarge", i.input("instanceClass"), i.name()));
        assertEquals(0L, number(prod("aws:rds/clusterInstance:ClusterInstance", "db-writer"), "promotionTier"));
        var cluster = prod("aws:rds/cluster:Cluster", "db-cluster");
        assertEquals(List.of("aurora-mysql", 35L, true), List.of(cluster.input("engine"), number(cluster, "backupRetentionPeriod"),
                cluster.input("storageEncrypted")));
        var parameters = prod("aws:rds/parameterGroup:ParameterGroup", "db-instance-params");
        assertEquals(List.of(Map.of("applyMethod", "immediate", "name", "max_connections", "value", "2000")), parameters.input("parameters"));
        instances.forEach(i -> assertEquals(Plans.source(PROD, i, "dbParameterGroupName"), parameters, i.name()));
    }

    @Test
    void kafkaIsThreeKafkaM5LargeBrokersOneInEachOfThreeAzsWithTls() {
        var kafka = prod("aws:msk/cluster:Cluster", "kafka-cluster");

        assertEquals(List.of(3L, "kafka.m5.large", "TLS", true), List.of(number(kafka, "numberOfBrokerNodes"),
                kafka.input("brokerNodeGroupInfo.instanceType"), kafka.input("encryptionInfo.encryptionInTransit.clientBroker"),
                kafka.input("encryptionInfo.encryptionInTransit.inCluster")));
        List<PlannedResource> subnets = Plans.sources(PROD, kafka, "brokerNodeGroupInfo").stream()
                .filter(r -> r.type().equals("aws:ec2/subnet:Subnet")).toList();
        assertEquals(List.of("sa-east-1a", "sa-east-1b", "sa-east-1c"), subnets.stream().map(s -> s.inputString("availabilityZone"))
                .sorted().toList());
        assertEquals(subnets.stream().map(s -> s.outputs().get("id")).toList(), kafka.input("brokerNodeGroupInfo.clientSubnets"));
    }

    @Test
    void theVpcSpansThreeAzsInThreeTiersOfSlash24WithANatGatewayPerAz() {
        for (String tier : List.of("public", "private", "isolated")) {
            var subnets = PROD.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().startsWith("apphome-prod-" + tier + "-")).toList();
            assertEquals(3, subnets.size(), tier);
            subnets.forEach(s -> assertEquals("24", s.inputString("cidrBlock").replaceAll(".*/", ""), s.name()));
        }
        assertEquals(3, PROD.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(1, PROD.ofType("aws:ec2/flowLog:FlowLog").size());
        assertEquals(1, PROD.ofType("aws:cloudtrail/trail:Trail").size());
    }

    @Test
    void productionRunsSixTasksOfFourVcpuAndEightGbScalingThreeToTwentyStagingAQuarter() {
        var task = prod("aws:ecs/taskDefinition:TaskDefinition", "wallet-service-task");
        var target = prod("aws:appautoscaling/target:Target", "wallet-service-scaling");

        assertEquals(List.of("4096", "8192"), List.of(task.inputString("cpu"), task.inputString("memory")));
        assertEquals(List.of(6L, 3L, 20L), List.of(number(prod("aws:ecs/service:Service", "wallet-service-service"), "desiredCount"),
                number(target, "minCapacity"), number(target, "maxCapacity")));
        var staging = STAGING.named("aws:appautoscaling/target:Target", "apphome-staging-wallet-service-scaling");
        assertEquals(List.of(2L, 1L, 5L), List.of(number(STAGING.named("aws:ecs/service:Service",
                "apphome-staging-wallet-service-service"), "desiredCount"), number(staging, "minCapacity"), number(staging, "maxCapacity")));
    }

    @Test
    void theHealthCheckIsQuarkusAndTheAlarmsAreErrorRateAbove1PercentAndP95Above500Ms() {
        var group = PROD.ofType("aws:lb/targetGroup:TargetGroup").get(0);
        Map<String, PlannedResource> alarms = new java.util.TreeMap<>();
        PROD.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").forEach(a -> alarms.put(a.name().replace("apphome-prod-alerts-", ""), a));

        assertEquals("/q/health", group.input("healthCheck.path"));
        assertEquals(0.5, ((Number) alarms.get("wallet-service-p95").input("threshold")).doubleValue());
        assertEquals(1.0, ((Number) alarms.get("wallet-service-error-rate").input("threshold")).doubleValue());
        assertEquals(1600.0, ((Number) alarms.get("db-connections").input("threshold")).doubleValue());
    }
}
