package dev.apphome.kafka;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.msk.Cluster;
import com.pulumi.aws.msk.ClusterArgs;
import com.pulumi.aws.msk.Configuration;
import com.pulumi.aws.msk.ConfigurationArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoConnectivityInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoConnectivityInfoPublicAccessArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoStorageInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterClientAuthenticationArgs;
import com.pulumi.aws.msk.inputs.ClusterClientAuthenticationSaslArgs;
import com.pulumi.aws.msk.inputs.ClusterConfigurationInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterEncryptionInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterEncryptionInfoEncryptionInTransitArgs;
import com.pulumi.aws.msk.inputs.ClusterLoggingInfoArgs;
import com.pulumi.aws.msk.inputs.ClusterLoggingInfoBrokerLogsArgs;
import com.pulumi.aws.msk.inputs.ClusterLoggingInfoBrokerLogsCloudwatchLogsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.network.Firewall;
import dev.apphome.network.SubnetTier;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Amazon MSK cluster of provisioned brokers in the private subnets: encrypted at rest with the
 * stack's key, TLS between clients and brokers and among brokers, IAM authentication only (no
 * unauthenticated or plaintext clients), no public access, broker logs in an encrypted log group,
 * storage that grows by itself up to a ceiling, and a configuration that creates no topic by
 * accident and keeps every write on two replicas. Services get access only through
 * {@link #connect}: the brokers' security group admits them on the IAM port, and their task role
 * gets the cluster's topic and group actions their access needs.
 *
 * <p>Nothing extra is needed without NAT: clients reach the brokers inside the VPC, and IAM
 * authentication signs with the task role's credentials locally (the MSK IAM library calls STS only
 * when it is told to assume another role).
 */
public final class Kafka extends ComponentResource implements Store<KafkaAccess>, Monitored {

    /** The brokers' port for IAM-authenticated TLS clients inside the VPC. */
    public static final int IAM_PORT = 9098;

    /** CloudWatch's limit of metrics in one metric-math alarm. */
    static final int METRICS_PER_ALARM = 10;

    private final Firewall firewall;
    private final Cluster cluster;
    private final int brokers;

    public Kafka(String name, KafkaSettings args, StoreContext context) {
        super("apphome:kafka:Kafka", name, ComponentResourceOptions.Empty);
        Rule.require(args);
        var network = context.network();
        var keyArn = context.keyArn();
        int zones = KafkaSettings.zones(network.zones(), context.aws().region());
        this.brokers = args.brokerCount(zones);
        if (zones < 2 || brokers % zones != 0) {
            throw new IllegalArgumentException("Kafka: " + brokers + " brokers over " + zones + " AZs; MSK needs two or "
                    + "three AZs and a broker count that is a multiple of them");
        }
        CustomResourceOptions child = context.protection().child(this);

        this.firewall = new Firewall(name, "Kafka brokers: only from services that use them", network.vpcId(), this);
        var logs = new LogGroup(Naming.child(name, "broker-logs"), LogGroupArgs.builder()
                .name("/" + name + "/broker-logs")
                .retentionInDays(context.logRetentionDays())
                .kmsKeyId(keyArn)
                .build(), child);
        var configuration = new Configuration(Naming.child(name, "config"), ConfigurationArgs.builder()
                .description("Broker defaults of " + name)
                .kafkaVersions(args.kafkaVersion())
                .serverProperties(serverProperties(brokers))
                .build(), child);

        var cluster = CustomResourceOptions.builder().parent(this).protect(context.protection().protectData())
                .dependsOn(logs);
        if (args.autoscaling()) {
            // Storage autoscaling grows the volumes; the next update must not shrink them back (MSK refuses it).
            cluster.ignoreChanges("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize");
        }
        this.cluster = new Cluster(Naming.child(name, "cluster"), ClusterArgs.builder()
                .kafkaVersion(args.kafkaVersion())
                .numberOfBrokerNodes(brokers)
                .brokerNodeGroupInfo(ClusterBrokerNodeGroupInfoArgs.builder()
                        .instanceType(args.instanceType())
                        .clientSubnets(network.ids(SubnetTier.PRIVATE, zones))
                        .securityGroups(firewall.id().applyValue(List::of))
                        .storageInfo(ClusterBrokerNodeGroupInfoStorageInfoArgs.builder()
                                .ebsStorageInfo(ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoArgs.builder()
                                        .volumeSize(args.volumeSizeGb())
                                        .build())
                                .build())
                        .connectivityInfo(ClusterBrokerNodeGroupInfoConnectivityInfoArgs.builder()
                                .publicAccess(ClusterBrokerNodeGroupInfoConnectivityInfoPublicAccessArgs.builder()
                                        .type("DISABLED").build())
                                .build())
                        .build())
                .encryptionInfo(ClusterEncryptionInfoArgs.builder()
                        .encryptionAtRestKmsKeyArn(keyArn)
                        .encryptionInTransit(ClusterEncryptionInfoEncryptionInTransitArgs.builder()
                                .clientBroker("TLS")
                                .inCluster(true)
                                .build())
                        .build())
                .clientAuthentication(ClusterClientAuthenticationArgs.builder()
                        .sasl(ClusterClientAuthenticationSaslArgs.builder().iam(true).build())
                        .unauthenticated(false)
                        .build())
                .configurationInfo(ClusterConfigurationInfoArgs.builder()
                        .arn(configuration.arn())
                        .revision(configuration.latestRevision())
                        .build())
                // DEFAULT is free and publishes the per-broker disk and CPU metrics the alarms watch.
                .enhancedMonitoring("DEFAULT")
                .loggingInfo(ClusterLoggingInfoArgs.builder()
                        .brokerLogs(ClusterLoggingInfoBrokerLogsArgs.builder()
                                .cloudwatchLogs(ClusterLoggingInfoBrokerLogsCloudwatchLogsArgs.builder()
                                        .enabled(true)
                                        .logGroup(logs.name())
                                        .build())
                                .build())
                        .build())
                .build(), cluster.build());

        if (args.autoscaling()) {
            var target = new Target(Naming.child(name, "storage"), TargetArgs.builder()
                    .serviceNamespace("kafka")
                    .scalableDimension("kafka:broker-storage:VolumeSize")
                    .resourceId(this.cluster.arn())
                    // For broker storage the capacities are GiB per broker; MSK asks for a minimum of 1.
                    .minCapacity(1)
                    .maxCapacity(args.maxVolumeSizeGb())
                    .build(), child);
            new Policy(Naming.child(name, "storage"), PolicyArgs.builder()
                    .policyType("TargetTrackingScaling")
                    .serviceNamespace(target.serviceNamespace())
                    .scalableDimension(target.scalableDimension())
                    .resourceId(target.resourceId())
                    .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                            .predefinedMetricSpecification(
                                    PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                            .predefinedMetricType("KafkaBrokerStorageUtilization").build())
                            .targetValue((double) args.storageTargetPercent())
                            // MSK cannot shrink a volume.
                            .disableScaleIn(true)
                            .build())
                    .build(), child);
        }
        registerOutputs(Map.of("bootstrapBrokers", this.cluster.bootstrapBrokersSaslIam()));
    }

    /**
     * The broker defaults: topics exist only when a client creates them on purpose (a typo in a
     * topic name is an error, not a new topic), three copies of each partition where there are three
     * brokers, and a write counts only once all but one copy (at most two) has it.
     */
    static String serverProperties(int brokers) {
        int replication = Math.min(3, brokers);
        int inSync = Math.max(1, Math.min(2, replication - 1));
        return String.join("\n", List.of(
                "auto.create.topics.enable=false",
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + inSync,
                "unclean.leader.election.enable=false")) + "\n";
    }

    /**
     * What a service that uses the cluster receives: the brokers for IAM clients in
     * {@code KAFKA_BOOTSTRAP_SERVERS}, and the actions its access needs on this cluster's topics and
     * groups only (their ARNs are the cluster's with {@code :topic/} or {@code :group/} for
     * {@code :cluster/}, plus the name). Producers may also create topics (the brokers create none by
     * themselves) and write idempotently, which Kafka clients do by default. Transactions are not granted.
     */
    @Override
    public Connection connect(Client client, KafkaAccess access) {
        firewall.admit(client.firewall(), IAM_PORT, client.name() + " to Kafka");
        boolean produces = access != KafkaAccess.CONSUME;
        boolean consumes = access != KafkaAccess.PRODUCE;
        Output<String> clusterArn = cluster.arn();
        List<String> clusterActions = new ArrayList<>(List.of("kafka-cluster:Connect", "kafka-cluster:DescribeCluster"));
        List<String> topicActions = new ArrayList<>(List.of("kafka-cluster:DescribeTopic"));
        if (produces) {
            clusterActions.add("kafka-cluster:WriteDataIdempotently");
            topicActions.addAll(List.of("kafka-cluster:WriteData", "kafka-cluster:CreateTopic"));
        }
        if (consumes) {
            topicActions.add("kafka-cluster:ReadData");
        }
        List<Map<String, Object>> statements = new ArrayList<>(List.of(
                PolicyDocument.allow("KafkaCluster", clusterActions, List.of(clusterArn)),
                PolicyDocument.allow("KafkaTopics", topicActions, List.of(within(clusterArn, "topic")))));
        if (consumes) {
            statements.add(PolicyDocument.allow("KafkaGroups", List.of("kafka-cluster:DescribeGroup",
                    "kafka-cluster:AlterGroup"), List.of(within(clusterArn, "group"))));
        }
        return new Connection(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapBrokers()), Map.of(), statements);
    }

    /**
     * Every {@code kind} (topic, group) of this cluster: {@code arn:…:cluster/<name>/<uuid>} becomes
     * {@code arn:…:<kind>/<name>/<uuid>/*}.
     */
    static Output<String> within(Output<String> clusterArn, String kind) {
        return clusterArn.applyValue(arn -> arn.replaceFirst(":cluster/", ":" + kind + "/") + "/*");
    }

    /**
     * Disk used and user CPU, per broker: MSK publishes them with the cluster's name and the broker's
     * id (1 to n), so each alarm watches the highest broker, ten brokers per alarm at most (CloudWatch's
     * limit of metrics in one metric-math alarm).
     */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings t) {
        List<Alerts.Alarm> alarms = new ArrayList<>();
        int groups = (brokers + METRICS_PER_ALARM - 1) / METRICS_PER_ALARM;
        for (int g = 0; g < groups; g++) {
            int first = g * METRICS_PER_ALARM + 1;
            int last = Math.min(brokers, first + METRICS_PER_ALARM - 1);
            String suffix = groups == 1 ? "" : "-" + (g + 1);
            String which = groups == 1 ? "any broker" : "brokers " + first + "–" + last;
            alarms.add(anyBroker("kafka-disk" + suffix, "Kafka disk used > " + t.kafkaDiskUsedPercent() + " % on "
                    + which, "KafkaDataLogsDiskUsed", "Maximum", t.kafkaDiskUsedPercent(), first, last, t));
            alarms.add(anyBroker("kafka-cpu" + suffix, "Kafka user CPU > " + t.kafkaCpuPercent() + " % on " + which,
                    "CpuUser", "Average", t.kafkaCpuPercent(), first, last, t));
        }
        return List.copyOf(alarms);
    }

    private Alerts.MathAlarm anyBroker(String label, String description, String metric, String statistic, int threshold,
                                       int first, int last, AlertSettings t) {
        List<Alerts.Input> inputs = new ArrayList<>();
        for (int b = first; b <= last; b++) {
            inputs.add(new Alerts.Input("b" + b, "AWS/Kafka", metric,
                    Map.of("Cluster Name", cluster.clusterName(), "Broker ID", Output.of(String.valueOf(b))), statistic));
        }
        return new Alerts.MathAlarm(label, description, inputs, "MAX([" + String.join(", ",
                inputs.stream().map(Alerts.Input::id).toList()) + "])", "GreaterThanThreshold", threshold,
                t.periodSeconds(AlertSettings.Family.KAFKA), t.evaluationPeriods(AlertSettings.Family.KAFKA), "missing");
    }

    /** The brokers' addresses for IAM clients, {@code host:9098,…}. */
    public Output<String> bootstrapBrokers() {
        return cluster.bootstrapBrokersSaslIam();
    }
}
