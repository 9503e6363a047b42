package dev.apphome.service;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationStepAdjustmentArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationServiceArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationServiceClientAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.loadbalancer.LoadBalancer;
import dev.apphome.loadbalancer.WebTarget;
import dev.apphome.network.Firewall;
import dev.apphome.network.Network;
import dev.apphome.network.SubnetTier;
import dev.apphome.registry.ImageRepository;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One ECS Fargate service: its security group (closed until something admits it), log group,
 * execution role (its own secrets, log group and image only), task role (the data stores it
 * declares only), task definition, service with circuit-breaker rollback in the private subnets
 * without public IPs, and target-tracking autoscaling.
 */
public final class AppService extends ComponentResource {

    static final String CONTAINER = FargateTask.CONTAINER;
    static final String PORT_NAME = FargateTask.PORT_NAME;

    private final ServiceSettings args;
    private final Firewall firewall;
    private final Optional<LoadBalancer.Routed> routed;
    private final com.pulumi.aws.ecs.ServiceArgs serviceArgs;
    private final List<Resource> startAfter = new ArrayList<>();
    private final Runnable scaling;
    private Service service;

    /** What a service is placed into. */
    public record Placement(Network network, Cluster cluster, Optional<LoadBalancer> loadBalancer, AwsContext aws,
                            Output<String> keyArn, String logGroupPrefix, int logRetentionDays,
                            Map<String, ImageRepository> repositories) {

        public Placement {
            repositories = Map.copyOf(repositories);
        }

        /** A placement without repositories of the stack's own. */
        public Placement(Network network, Cluster cluster, Optional<LoadBalancer> loadBalancer, AwsContext aws,
                         Output<String> keyArn, String logGroupPrefix, int logRetentionDays) {
            this(network, cluster, loadBalancer, aws, keyArn, logGroupPrefix, logRetentionDays, Map.of());
        }

        /** What the service's task is placed with. */
        public FargateTask.Placement tasks() {
            return new FargateTask.Placement(aws, keyArn, logGroupPrefix, logRetentionDays, repositories);
        }
    }

    /**
     * @param uses         connects this service, once its security group exists, to every store it uses: each
     *                     store opens itself to the service and says what the service receives
     * @param scalingQueue the name of the queue whose backlog scales this service, when its scaling names one
     */
    public AppService(String name, ServiceSettings args, Placement placement, Function<Client, Connection> uses,
                      boolean serviceConnect, Optional<Output<String>> scalingQueue, Protection protection,
                      ComponentResourceOptions options) {
        super("apphome:service:AppService", name, options);
        this.args = Rule.require(args);
        AwsContext aws = placement.aws();
        CustomResourceOptions child = protection.child(this);
        this.firewall = new Firewall(name, args.kind().label() + " service " + args.name(),
                placement.network().vpcId(), this);
        firewall.allowHttpsOut("HTTPS to AWS APIs, image registries and third-party APIs");
        Connection connection = uses.apply(new Client(args.name(), firewall)).and(observability(name, args, placement));

        var task = FargateTask.declare(name, args.task(), connection, placement.tasks(), this);
        startAfter.addAll(task.rolePolicies());
        var taskDefinition = task.taskDefinition();

        this.routed = placement.loadBalancer().flatMap(lb -> args.kind() instanceof ServiceKind.Web web
                ? Optional.of(lb.route(this, name, target(args, web), firewall)) : Optional.empty());

        var serviceArgs = com.pulumi.aws.ecs.ServiceArgs.builder()
                .cluster(placement.cluster().arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(args.desiredCount())
                .capacityProviderStrategies(placement.cluster().strategy(args.capacity()))
                .platformVersion("LATEST")
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(placement.network().ids(SubnetTier.PRIVATE))
                        .securityGroups(firewall.id().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .deploymentMinimumHealthyPercent(100)
                .deploymentMaximumPercent(200)
                .availabilityZoneRebalancing("ENABLED")
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .enableExecuteCommand(false)
                // Lets a change of capacity strategy roll out in place rather than replace the service.
                .forceNewDeployment(true)
                .waitForSteadyState(false);
        routed.ifPresent(r -> serviceArgs
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(r.targetGroup().arn())
                        .containerName(CONTAINER)
                        .containerPort(args.port())
                        .build())
                .healthCheckGracePeriodSeconds(args.healthCheck().gracePeriodSeconds()));
        if (serviceConnect) {
            var connect = ServiceServiceConnectConfigurationArgs.builder()
                    .enabled(true)
                    .namespace(placement.cluster().namespaceArn());
            if (args.kind() instanceof ServiceKind.Internal) {
                connect.services(ServiceServiceConnectConfigurationServiceArgs.builder()
                        .portName(PORT_NAME)
                        .discoveryName(args.name())
                        .clientAlias(ServiceServiceConnectConfigurationServiceClientAliasArgs.builder()
                                .dnsName(args.name()).port(args.port()).build())
                        .build());
            }
            serviceArgs.serviceConnectConfiguration(connect.build());
        }
        startAfter.add(placement.cluster().capacity());
        routed.ifPresent(r -> startAfter.add(r.rule())); // the target group must be behind a listener first
        this.serviceArgs = serviceArgs.build();
        this.scaling = () -> {
            if (args.autoscaled()) {
                autoscaling(name, placement.cluster(), placement.loadBalancer(), scalingQueue, child);
            }
        };
    }

    /**
     * Starts the service, once everything its tasks need exists: its role policies, its capacity,
     * its routing rule, and every security-group rule that opens its group — including those other
     * services and stores add after this component is built (call it last).
     */
    public void launch() {
        if (service != null) {
            throw new IllegalStateException(args.name() + " is launched already");
        }
        List<Resource> dependsOn = new ArrayList<>(startAfter);
        dependsOn.addAll(firewall.rules());
        var serviceOptions = CustomResourceOptions.builder().parent(this).dependsOn(dependsOn);
        if (args.autoscaled()) {
            serviceOptions.ignoreChanges("desiredCount"); // autoscaling owns it once the service runs
        }
        this.service = new Service(Naming.child(pulumiResourceName(), "service"), serviceArgs, serviceOptions.build());
        scaling.run();
        registerOutputs(Map.of("serviceName", service.name()));
    }

    /** What the load balancer needs of this service: its port, health probe and routing rule. */
    private static WebTarget target(ServiceSettings args, ServiceKind.Web web) {
        HealthCheck health = args.healthCheck();
        return new WebTarget(args.name(), web.port(), new WebTarget.Probe(health.probePath(), health.intervalSeconds(),
                health.timeoutSeconds(), health.healthyThreshold(), health.unhealthyThreshold(), health.matcher()),
                web.routing());
    }

    /**
     * What tracing and custom metrics need: the daemon's address and the X-Ray actions (which have
     * no resource-level permissions), and PutMetricData in the service's namespace only; and the
     * interface endpoints a network without NAT needs for them.
     */
    private static Connection observability(String name, ServiceSettings args, Placement placement) {
        Connection extra = Connection.none();
        if (args.tracing().enabled()) {
            placement.network().reachPrivately("xray");
            // The segment name the stack's sampling rule matches (<project>-<stack>-*).
            extra = extra.and(new Connection(Map.of("AWS_XRAY_DAEMON_ADDRESS", Output.of("127.0.0.1:2000"),
                    "AWS_XRAY_TRACING_NAME", Output.of(name)), Map.of(),
                    List.of(PolicyDocument.allow("SendTraces", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
                            "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"),
                            List.of("*")))));
        }
        if (args.metrics() != null) {
            placement.network().reachPrivately("monitoring");
            extra = extra.and(new Connection(Map.of("METRICS_NAMESPACE", Output.of(args.metrics())), Map.of(),
                    List.of(PolicyDocument.withCondition(PolicyDocument.allow("PublishOwnMetrics",
                                    List.of("cloudwatch:PutMetricData"), List.of("*")),
                            Map.of("StringEquals", Map.of("cloudwatch:namespace", args.metrics()))))));
        }
        return extra;
    }

    private void autoscaling(String name, Cluster cluster, Optional<LoadBalancer> loadBalancer,
                             Optional<Output<String>> scalingQueue, CustomResourceOptions child) {
        Output<String> resourceId = Output.tuple(cluster.name(), service.name())
                .applyValue(t -> "service/" + t.t1 + "/" + t.t2);
        var target = new Target(Naming.child(name, "scaling"), TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(resourceId)
                .minCapacity(args.minCount())
                .maxCapacity(args.maxCount())
                .build(), child);
        Scaling scaling = args.scaling();
        for (int i = 0; i < scaling.schedules().size(); i++) {
            Schedule schedule = scaling.schedules().get(i);
            new ScheduledAction(Naming.child(name, "schedule-" + (i + 1)), ScheduledActionArgs.builder()
                    .serviceNamespace(target.serviceNamespace())
                    .scalableDimension(target.scalableDimension())
                    .resourceId(target.resourceId())
                    .schedule(schedule.at())
                    .timezone(schedule.timeZone())
                    .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                            .minCapacity(schedule.minCount()).maxCapacity(schedule.maxCount()).build())
                    .build(), child);
        }
        if (scalingQueue.isPresent()) {
            queueScaling(name, target, scalingQueue.get(), cluster.name(), child);
        }
        if (scaling.cpuTarget() != null) {
            trackingPolicy(name, "cpu", target, "ECSServiceAverageCPUUtilization", null, scaling.cpuTarget());
        }
        if (scaling.memoryPercent() != null) {
            trackingPolicy(name, "memory", target, "ECSServiceAverageMemoryUtilization", null, scaling.memoryPercent());
        }
        if (scaling.requestsPerTarget() != null && routed.isPresent() && loadBalancer.isPresent()) {
            Output<String> label = Output.tuple(loadBalancer.get().arnSuffix(), routed.get().targetGroup().arnSuffix())
                    .applyValue(t -> t.t1 + "/" + t.t2);
            trackingPolicy(name, "requests", target, "ALBRequestCountPerTarget", label, scaling.requestsPerTarget());
        }
    }

    /**
     * Scaling on a consumed queue's backlog. Beyond the first task, target tracking holds the
     * backlog per task — messages waiting plus messages being worked on, over the tasks running —
     * at {@code messagesPerTask}: it adds tasks in proportion to the backlog rather than one a
     * minute up to the maximum, and it cannot stop a worker that still holds messages in flight
     * (counting only waiting messages would, and those messages would reappear after their
     * visibility timeout and end in the dead-letter queue). It scales in to {@code minCount}
     * (0 allowed) only when nothing waits and nothing is in flight. From zero tasks there is no
     * per-task figure to track, so a step policy starts the first task when messages wait while no
     * task runs. The running-task count is Container Insights' {@code RunningTaskCount}.
     */
    private void queueScaling(String name, Target target, Output<String> queueName, Output<String> clusterName,
                              CustomResourceOptions child) {
        Scaling scaling = args.scaling();
        new Policy(Naming.child(name, "scale-queue"), PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .customizedMetricSpecification(PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs.builder()
                                .metrics(
                                        trackedMetric("waiting", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Sum",
                                                Map.of("QueueName", queueName)),
                                        trackedMetric("inflight", "AWS/SQS", "ApproximateNumberOfMessagesNotVisible", "Sum",
                                                Map.of("QueueName", queueName)),
                                        trackedMetric("running", "ECS/ContainerInsights", "RunningTaskCount", "Average",
                                                Map.of("ClusterName", clusterName, "ServiceName", service.name())),
                                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                                                .id("backlogPerTask")
                                                .label("Messages waiting or in flight per running task")
                                                .expression("(waiting + inflight) / running")
                                                .returnData(true)
                                                .build())
                                .build())
                        .targetValue((double) scaling.messagesPerTask())
                        .scaleInCooldown(scaling.scaleInCooldownSeconds())
                        .scaleOutCooldown(scaling.scaleOutCooldownSeconds())
                        .build())
                .build(), child);
        var start = new Policy(Naming.child(name, "scale-queue-out"), PolicyArgs.builder()
                .policyType("StepScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .stepScalingPolicyConfiguration(PolicyStepScalingPolicyConfigurationArgs.builder()
                        .adjustmentType("ExactCapacity")
                        .metricAggregationType("Maximum")
                        .cooldown(scaling.scaleOutCooldownSeconds())
                        .stepAdjustments(step("0", null, Math.max(1, args.minCount())))
                        .build())
                .build(), child);
        new MetricAlarm(Naming.child(name, "queue-backlog"), MetricAlarmArgs.builder()
                .alarmDescription(args.name() + ": start a task when messages wait and no task runs")
                .metricQueries(
                        alarmMetric("waiting", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum",
                                queueName.applyValue(q -> Map.of("QueueName", q))),
                        alarmMetric("running", "ECS/ContainerInsights", "RunningTaskCount", "Maximum",
                                Output.tuple(clusterName, service.name()).applyValue(t -> Map.of("ClusterName", t.t1,
                                        "ServiceName", t.t2))),
                        MetricAlarmMetricQueryArgs.builder()
                                .id("waitingWithoutTasks")
                                .label("Messages waiting while no task runs")
                                // No running-task data while a service has no tasks counts as none running.
                                .expression("IF(FILL(running, 0) < 1, waiting, 0)")
                                .returnData(true)
                                .build())
                .comparisonOperator("GreaterThanThreshold").threshold(0.0)
                .evaluationPeriods(1)
                .treatMissingData("notBreaching")
                .alarmActions(start.arn().applyValue(List::of))
                .build(), child);
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs trackedMetric(
            String id, String namespace, String metric, String stat, Map<String, Output<String>> dimensions) {
        var dims = new TreeMap<>(dimensions).entrySet().stream().map(d ->
                PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs
                        .builder().name(d.getKey()).value(d.getValue()).build()).toList();
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                .id(id)
                .metricStat(PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs.builder()
                        .metric(PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs
                                .builder().namespace(namespace).metricName(metric).dimensions(dims).build())
                        .stat(stat)
                        .build())
                .returnData(false)
                .build();
    }

    private static MetricAlarmMetricQueryArgs alarmMetric(String id, String namespace, String metric, String stat,
                                                          Output<Map<String, String>> dimensions) {
        return MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(namespace).metricName(metric).dimensions(dimensions).stat(stat).period(60).build())
                .returnData(false)
                .build();
    }

    private static PolicyStepScalingPolicyConfigurationStepAdjustmentArgs step(String lower, String upper, int adjustment) {
        var step = PolicyStepScalingPolicyConfigurationStepAdjustmentArgs.builder().scalingAdjustment(adjustment);
        if (lower != null) {
            step.metricIntervalLowerBound(lower);
        }
        if (upper != null) {
            step.metricIntervalUpperBound(upper);
        }
        return step.build();
    }

    private void trackingPolicy(String name, String metric, Target target, String predefined, Output<String> label,
                                int targetValue) {
        var specification = PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                .predefinedMetricType(predefined);
        if (label != null) {
            specification.resourceLabel(label);
        }
        new Policy(Naming.child(name, "scale-" + metric), PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(specification.build())
                        .targetValue((double) targetValue)
                        .scaleInCooldown(args.scaling().scaleInCooldownSeconds())
                        .scaleOutCooldown(args.scaling().scaleOutCooldownSeconds())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** Lets {@code caller} reach this internal service on its port. */
    public void admit(AppService caller) {
        firewall.admit(caller.firewall, args.port(), caller.args.name() + " calls " + args.name());
    }

    public Firewall firewall() {
        return firewall;
    }

    public ServiceSettings args() {
        return args;
    }

    public Output<String> serviceName() {
        if (service == null) {
            throw new IllegalStateException(args.name() + " is not launched yet");
        }
        return service.name();
    }

    /** The target group's ARN suffix, for alarms; empty for services without one. */
    public Optional<Output<String>> targetGroupArnSuffix() {
        return routed.map(r -> r.targetGroup().arnSuffix());
    }
}
