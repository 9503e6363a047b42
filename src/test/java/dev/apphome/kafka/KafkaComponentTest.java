package dev.apphome.kafka;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.Problem;
import dev.apphome.network.Firewall;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.support.Plans;
import dev.apphome.support.Stacks;
import dev.apphome.wiring.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka cluster alone, in a three-AZ VPC, with settings built here. Mocks cannot prove that MSK
 * offers the broker type or version in the region, that the account's AZ ids host MSK (use1-az3 does
 * not), that IAM evaluates the kafka-cluster actions as written (MSK checks them when a client
 * connects), or that broker logs reach the encrypted group (CloudWatch Logs encrypts with the key
 * because the key policy admits it for this account's groups; MSK adds the group's delivery
 * resource policy itself); these tests pin the inputs that decide those.
 */
class KafkaComponentTest {

    private static final String CLUSTER = "aws:msk/cluster:Cluster";

    /** Plans already made in this class: several tests read the same cluster. */
    private static final Map<List<Object>, PlanRunner.Result> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    private static PlanRunner.Result kafka(boolean protect, int zones, Map<String, Object> values, KafkaAccess... uses) {
        return PLANS.computeIfAbsent(List.of(protect, zones, values, List.of(uses)), k -> plan(protect, zones, values, uses));
    }

    private static PlanRunner.Result plan(boolean protect, int zones, Map<String, Object> values, KafkaAccess... uses) {
        var settings = Components.settings(KafkaSettings.class, values);
        return Components.declare(protect, s -> {
            var context = s.stores(zones);
            var kafka = new Kafka("kafka", settings, context);
            for (KafkaAccess access : uses) {
                String name = access.name().toLowerCase(java.util.Locale.ROOT);
                var client = new Firewall(name, "a client", s.network(zones).vpcId(), kafka);
                Components.probe(name, kafka.connect(new Client(name, client), access));
            }
        });
    }

    private static PlanRunner.Result kafka(Map<String, Object> values, KafkaAccess... uses) {
        return kafka(false, 3, values, uses);
    }

    private static String out(PlannedResource r, String output) {
        return String.valueOf(r.outputs().get(output));
    }

    @Test
    void brokersSpreadOverThePrivateSubnetsWithTlsIamAndTheStacksKey() {
        var plan = kafka(true, 3, Map.of("instanceType", "kafka.m7g.large"));
        var cluster = plan.ofType(CLUSTER).get(0);

        assertEquals(List.of("3.8.x", 3L, "kafka.m7g.large", 100L), List.of(cluster.input("kafkaVersion"),
                cluster.input("numberOfBrokerNodes"), cluster.input("brokerNodeGroupInfo.instanceType"),
                cluster.input("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize")));
        assertEquals(List.of("kafka-sg", "test-private-1", "test-private-2", "test-private-3"),
                Plans.names(Plans.sources(plan, cluster, "brokerNodeGroupInfo")));
        assertEquals(Map.of("type", "DISABLED"), cluster.input("brokerNodeGroupInfo.connectivityInfo.publicAccess"));
        assertEquals(Map.of("clientBroker", "TLS", "inCluster", true), cluster.input("encryptionInfo.encryptionInTransit"));
        assertEquals("aws:kms/key:Key", source(plan, cluster, "encryptionInfo").type());
        assertEquals(Map.of("sasl", Map.of("iam", true), "unauthenticated", false), cluster.input("clientAuthentication"));
        assertEquals("DEFAULT", cluster.input("enhancedMonitoring"));
        assertEquals(true, cluster.protect(), "the stack's protect setting: topics hold data");
    }

    @Test
    void brokerLogsGoToAnEncryptedGroupThatExistsFirst() {
        var plan = kafka(Map.of("instanceType", "kafka.m7g.large"), KafkaAccess.PRODUCE);
        var cluster = plan.ofType(CLUSTER).get(0);
        var logs = plan.named("aws:cloudwatch/logGroup:LogGroup", "kafka-broker-logs");

        assertEquals(Map.of("enabled", true, "logGroup", "/kafka/broker-logs"),
                cluster.input("loggingInfo.brokerLogs.cloudwatchLogs"));
        assertEquals(List.of(30L, "aws:kms/key:Key"), List.of(logs.input("retentionInDays"), source(plan, logs, "kmsKeyId").type()));
        assertTrue(cluster.dependencies().contains(logs.urn()));
    }

    @ParameterizedTest(name = "{0} brokers")
    @CsvSource({"3, 3, 2", "6, 3, 2", "2, 2, 1"})
    void theConfigurationCreatesNoTopicByAccidentAndKeepsWritesOnTwoCopies(int brokers, int replication, int inSync) {
        var plan = kafka(false, brokers == 2 ? 2 : 3, Map.of("instanceType", "kafka.m7g.large", "brokers", brokers));
        var configuration = plan.ofType("aws:msk/configuration:Configuration").get(0);
        var cluster = plan.ofType(CLUSTER).get(0);

        assertEquals("auto.create.topics.enable=false\ndefault.replication.factor=" + replication + "\nmin.insync.replicas="
                + inSync + "\nunclean.leader.election.enable=false\n", configuration.inputString("serverProperties"));
        assertEquals(List.of("3.8.x"), configuration.input("kafkaVersions"));
        assertEquals(Map.of("arn", out(configuration, "arn"), "revision", 1L), cluster.input("configurationInfo"));
    }

    @Test
    void storageGrowsByItselfUpToTheCeilingAndUpdatesLeaveTheGrownSizeAlone() {
        var plan = kafka(Map.of("instanceType", "kafka.m7g.large", "volumeSizeGb", 500));
        var cluster = plan.ofType(CLUSTER).get(0);
        var target = plan.named("aws:appautoscaling/target:Target", "kafka-storage");
        var policy = plan.named("aws:appautoscaling/policy:Policy", "kafka-storage");

        assertEquals(List.of("kafka", "kafka:broker-storage:VolumeSize", out(cluster, "arn"), 1L, 2000L),
                List.of(target.input("serviceNamespace"), target.input("scalableDimension"), target.input("resourceId"),
                        target.input("minCapacity"), target.input("maxCapacity")));
        assertEquals(Map.of("predefinedMetricSpecification", Map.of("predefinedMetricType", "KafkaBrokerStorageUtilization"),
                "targetValue", 60L, "disableScaleIn", true), policy.input("targetTrackingScalingPolicyConfiguration"));
        assertEquals("TargetTrackingScaling", policy.input("policyType"));
        assertEquals(List.of("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"), cluster.options().ignoreChanges());
    }

    @Test
    void aCeilingAtTheInitialSizeTurnsAutoscalingOff() {
        var plan = kafka(Map.of("instanceType", "kafka.m7g.large", "volumeSizeGb", 200, "maxVolumeSizeGb", 200));

        assertEquals(List.of(), plan.ofType("aws:appautoscaling/target:Target"));
        assertEquals(List.of(), plan.ofType(CLUSTER).get(0).options().ignoreChanges());
    }

    @Test
    void aServiceThatUsesTheClusterIsAdmittedOnTheIamPortAndGetsTheBrokers() {
        var plan = kafka(Map.of("instanceType", "kafka.m7g.large"), KafkaAccess.PRODUCE);
        var ingress = plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "kafka-sg-in-produce-sg-9098");

        assertEquals(List.of(9098L, 9098L, "tcp"), List.of(ingress.input("fromPort"), ingress.input("toPort"),
                ingress.input("ipProtocol")));
        assertEquals("produce-sg", source(plan, ingress, "referencedSecurityGroupId").name());
        assertEquals(List.of("KAFKA_BOOTSTRAP_SERVERS"), Components.probes(plan, "produce-env-"));
        assertEquals(out(plan.ofType(CLUSTER).get(0), "bootstrapBrokersSaslIam"),
                Components.probed(plan, "produce-env-KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(List.of(), Components.probes(plan, "produce-secret-"));
        assertEquals(3, Components.probed(plan, "produce-env-KAFKA_BOOTSTRAP_SERVERS").split(",").length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PRODUCE|kafka-cluster:Connect kafka-cluster:DescribeCluster kafka-cluster:WriteDataIdempotently"
                    + "|kafka-cluster:DescribeTopic kafka-cluster:WriteData kafka-cluster:CreateTopic|",
            "CONSUME|kafka-cluster:Connect kafka-cluster:DescribeCluster|kafka-cluster:DescribeTopic kafka-cluster:ReadData"
                    + "|kafka-cluster:DescribeGroup kafka-cluster:AlterGroup",
            "BOTH|kafka-cluster:Connect kafka-cluster:DescribeCluster kafka-cluster:WriteDataIdempotently"
                    + "|kafka-cluster:DescribeTopic kafka-cluster:WriteData kafka-cluster:CreateTopic kafka-cluster:ReadData"
                    + "|kafka-cluster:DescribeGroup kafka-cluster:AlterGroup"})
    void eachAccessGetsItsActionsOnThisClustersTopicsAndGroupsOnly(KafkaAccess access, String cluster, String topics,
                                                                    String groups) {
        var plan = kafka(Map.of("instanceType", "kafka.m7g.large"), access);
        String arn = out(plan.ofType(CLUSTER).get(0), "arn");
        String name = out(plan.ofType(CLUSTER).get(0), "clusterName");
        String uuid = out(plan.ofType(CLUSTER).get(0), "clusterUuid");
        @SuppressWarnings("unchecked")
        var statements = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(Components.probed(plan,
                access.name().toLowerCase(java.util.Locale.ROOT) + "-statements"))).get("Statement");

        // arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid> → …:topic/<name>/<uuid>/* and …:group/<name>/<uuid>/*
        assertEquals("arn:aws:kafka:eu-west-1:123456789012:cluster/" + name + "/" + uuid, arn);
        var expected = new java.util.ArrayList<>(List.of(
                Map.of("Sid", "KafkaCluster", "Effect", "Allow", "Action", List.of(cluster.split(" ")), "Resource", List.of(arn)),
                Map.of("Sid", "KafkaTopics", "Effect", "Allow", "Action", List.of(topics.split(" ")),
                        "Resource", List.of("arn:aws:kafka:eu-west-1:123456789012:topic/" + name + "/" + uuid + "/*"))));
        if (groups != null) {
            expected.add(Map.of("Sid", "KafkaGroups", "Effect", "Allow", "Action", List.of(groups.split(" ")),
                    "Resource", List.of("arn:aws:kafka:eu-west-1:123456789012:group/" + name + "/" + uuid + "/*")));
        }
        assertEquals(expected, statements);
    }

    @Test
    void alarmsWatchTheHighestBrokerForDiskAndCpu() {
        var alerts = Components.settings(AlertSettings.class, Map.of());
        var alarms = alarms(3, alerts);

        assertEquals(List.of("kafka-disk", "kafka-cpu"), alarms.stream().map(Alerts.MathAlarm::label).toList());
        assertEquals(List.of("MAX([b1, b2, b3])", "MAX([b1, b2, b3])"), alarms.stream().map(Alerts.MathAlarm::expression).toList());
        assertEquals(List.of(80.0, 60.0), alarms.stream().map(Alerts.MathAlarm::threshold).toList());
        var disk = alarms.get(0).inputs().get(1);
        assertEquals(List.of("AWS/Kafka", "KafkaDataLogsDiskUsed", "Maximum", List.of("Broker ID", "Cluster Name")),
                List.of(disk.namespace(), disk.metric(), disk.statistic(), List.copyOf(disk.dimensions().keySet())));
        assertEquals(List.of("CpuUser", "Average"), List.of(alarms.get(1).inputs().get(0).metric(),
                alarms.get(1).inputs().get(0).statistic()));
    }

    @Test
    void moreThanTenBrokersAreWatchedTenToAnAlarm() {
        var alarms = alarms(12, Components.settings(AlertSettings.class, Map.of()));

        // CloudWatch allows ten metrics in one metric-math alarm.
        assertEquals(List.of("kafka-disk-1 10", "kafka-cpu-1 10", "kafka-disk-2 2", "kafka-cpu-2 2"),
                alarms.stream().map(a -> a.label() + " " + a.inputs().size()).toList());
        assertEquals("MAX([b11, b12])", alarms.get(2).expression());
        assertEquals("Kafka disk used > 80 % on brokers 11–12", alarms.get(2).description());
    }

    @SuppressWarnings("unchecked")
    private static List<Alerts.MathAlarm> alarms(int brokers, AlertSettings alerts) {
        var found = new Object[1];
        Components.declare(s -> found[0] = new Kafka("kafka", Components.settings(KafkaSettings.class, Map.of(
                "instanceType", "kafka.m7g.large", "brokers", brokers)), s.stores(3)).alarms(alerts));
        return ((List<Alerts.Alarm>) found[0]).stream().map(a -> (Alerts.MathAlarm) a).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "brokers not a multiple of the AZs|eu-west-1|3|{instanceType: kafka.m7g.large, brokers: 4}"
                    + "|apphome:kafka.brokers: found 4 over 3 AZs; allowed: a multiple of 3 (MSK spreads brokers evenly over "
                    + "the AZs it uses: network.availabilityZones, at most 3)",
            "four AZs, of which MSK uses three|eu-west-1|4|{instanceType: kafka.m7g.large, brokers: 4}"
                    + "|apphome:kafka.brokers: found 4 over 3 AZs; allowed: a multiple of 3 (MSK spreads brokers evenly over "
                    + "the AZs it uses: network.availabilityZones, at most 3)",
            "US West (N. California) takes two subnets|us-west-1|3|{instanceType: kafka.m7g.large, brokers: 3}"
                    + "|apphome:kafka.brokers: found 3 over 2 AZs; allowed: a multiple of 2 (MSK spreads brokers evenly over "
                    + "the AZs it uses: network.availabilityZones, at most 2 in us-west-1)",
            "a version MSK no longer creates|eu-west-1|3|{instanceType: kafka.m7g.large, kafkaVersion: 3.6.0}"
                    + "|apphome:kafka.kafkaVersion: found '3.6.0'; allowed: 3.7 or later (MSK no longer creates clusters "
                    + "with older versions), such as 3.8.x",
            "a ceiling below the storage|eu-west-1|3|{instanceType: kafka.m7g.large, volumeSizeGb: 500, maxVolumeSizeGb: 100}"
                    + "|apphome:kafka.maxVolumeSizeGb: found 100, below volumeSizeGb 500; allowed: at least volumeSizeGb "
                    + "(MSK never shrinks a broker's storage)",
            "not a broker type|eu-west-1|3|{instanceType: m7g.large}|apphome:kafka.instanceType: found 'm7g.large'; "
                    + "allowed: an MSK broker type such as kafka.t3.small or kafka.m7g.large"})
    void aClusterMskWouldRefuseIsRefusedWithItsKey(String what, String region, int zones, String kafka, String problem) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL.replace("eu-west-1", region)
                + "  apphome:network: {availabilityZones: " + zones + "}\n  apphome:kafka: " + kafka + "\n"));

        assertEquals(List.of("Pulumi.test.yaml: " + problem), e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void settingsBuiltInCodeCannotSpreadBrokersUnevenly() {
        var settings = Components.settings(KafkaSettings.class, Map.of("instanceType", "kafka.m7g.large", "brokers", 3));

        var e = assertThrows(Exception.class, () -> Components.declare(s -> new Kafka("kafka", settings, s.stores())));
        assertTrue(e.getMessage().contains("Kafka: 3 brokers over 2 AZs; MSK needs two or three AZs and a broker count that "
                + "is a multiple of them"), e.getMessage());
    }

    @Test
    void aServiceMayUseKafkaOnlyWhenTheStackDeclaresIt() {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL
                .replace("routing:", "uses: {kafka: produce}\n      routing:")));

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.web.uses.kafka: is set but the stack declares no "
                        + "apphome:kafka; allowed: no kafka here, or declare the Kafka cluster"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
