package dev.apphome.service;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationStepAdjustmentArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationServiceArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationServiceClientAliasArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Json;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.loadbalancer.LoadBalancer;
import dev.apphome.loadbalancer.WebTarget;
import dev.apphome.network.Firewall;
import dev.apphome.network.Network;
import dev.apphome.network.SubnetTier;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ECS Fargate service: its security group (closed until something admits it), log group,
 * execution role (its own secrets, log group and image only), task role (the data stores it
 * declares only), task definition, service with circuit-breaker rollback in the private subnets
 * without public IPs, and target-tracking autoscaling.
 */
public final class AppService extends ComponentResource {

    static final String CONTAINER = "app";
    static final String PORT_NAME = "http";
    private static final Pattern ECR_IMAGE = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/([^:@]+)([:@].*)?");

    private final ServiceSettings args;
    private final Firewall firewall;
    private final Service service;
    private final Optional<LoadBalancer.Routed> routed;

    /** What a service is placed into. */
    public record Placement(Network network, Cluster cluster, Optional<LoadBalancer> loadBalancer, AwsContext aws,
                            Output<String> keyArn, String logGroupPrefix, int logRetentionDays) {
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
        Connection connection = uses.apply(new Client(args.name(), firewall));

        var logGroup = new LogGroup(Naming.child(name, "logs"), LogGroupArgs.builder()
                .name(placement.logGroupPrefix() + "/" + args.name())
                .retentionInDays(placement.logRetentionDays())
                .kmsKeyId(placement.keyArn())
                .build(), child);

        var executionRole = new Role(Naming.child(name, "execution"), RoleArgs.builder()
                .description("Starts " + args.name() + " tasks: pulls its image, reads its secrets, writes its logs")
                .assumeRolePolicy(PolicyDocument.assumedBy("ecs-tasks.amazonaws.com", aws.accountId()))
                .build(), child);
        new RolePolicy(Naming.child(name, "execution"), RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(PolicyDocument.of(executionStatements(args, connection, logGroup, placement)))
                .build(), child);

        var taskRole = new Role(Naming.child(name, "task"), RoleArgs.builder()
                .description("What " + args.name() + " code may do: only the data stores it declares")
                .assumeRolePolicy(PolicyDocument.assumedBy("ecs-tasks.amazonaws.com", aws.accountId()))
                .build(), child);
        if (!connection.taskStatements().isEmpty()) {
            new RolePolicy(Naming.child(name, "task"), RolePolicyArgs.builder()
                    .role(taskRole.id())
                    .policy(PolicyDocument.of(connection.taskStatements()))
                    .build(), child);
        }

        var taskDefinition = new TaskDefinition(Naming.child(name, "task"), TaskDefinitionArgs.builder()
                .family(name)
                .cpu(String.valueOf(args.cpu()))
                .memory(String.valueOf(args.memory()))
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX")
                        .cpuArchitecture(args.architecture() == CpuArchitecture.ARM64 ? "ARM64" : "X86_64")
                        .build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .volumes(TaskDefinitionVolumeArgs.builder().name("tmp").build())
                .containerDefinitions(containerDefinitions(args, connection, logGroup, aws.region()))
                .build(), child);

        this.routed = placement.loadBalancer().flatMap(lb -> args.kind() instanceof ServiceKind.Web web
                ? Optional.of(lb.route(this, name, target(args, web), firewall)) : Optional.empty());

        var serviceArgs = com.pulumi.aws.ecs.ServiceArgs.builder()
                .cluster(placement.cluster().arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(args.desiredCount())
                .capacityProviderStrategies(placement.cluster().strategy())
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
        List<Resource> dependsOn = new ArrayList<>(List.of(placement.cluster().capacity()));
        routed.ifPresent(r -> dependsOn.add(r.rule())); // the target group must be behind a listener first
        var serviceOptions = CustomResourceOptions.builder().parent(this).dependsOn(dependsOn);
        if (args.autoscaled()) {
            serviceOptions.ignoreChanges("desiredCount"); // autoscaling owns it once the service runs
        }
        this.service = new Service(Naming.child(name, "service"), serviceArgs.build(), serviceOptions.build());

        if (args.autoscaled()) {
            autoscaling(name, placement.cluster(), placement.loadBalancer(), scalingQueue, child);
        }
        registerOutputs(Map.of("serviceName", service.name()));
    }

    /** What the load balancer needs of this service: its port, health probe and routing rule. */
    private static WebTarget target(ServiceSettings args, ServiceKind.Web web) {
        HealthCheck health = args.healthCheck();
        return new WebTarget(args.name(), web.port(), new WebTarget.Probe(health.probePath(), health.intervalSeconds(),
                health.timeoutSeconds(), health.healthyThreshold(), health.unhealthyThreshold(), health.matcher()),
                web.routing());
    }

    private static List<Map<String, Object>> executionStatements(ServiceSettings args, Connection connection, LogGroup logGroup,
                                                                 Placement placement) {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyDocument.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.arn().applyValue(arn -> arn + ":*"))));
        Matcher ecr = ECR_IMAGE.matcher(args.image());
        if (ecr.matches()) {
            String partition = ecr.group(3) != null ? "aws-cn" : placement.aws().partition();
            String repository = "arn:" + partition + ":ecr:" + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + ecr.group(4);
            // GetAuthorizationToken has no resource-level permissions; it grants nothing by itself.
            statements.add(PolicyDocument.allow("GetRegistryToken", List.of("ecr:GetAuthorizationToken"), List.of("*")));
            statements.add(PolicyDocument.allow("PullOwnImage", List.of("ecr:BatchGetImage",
                    "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"), List.of(repository)));
        }
        if (!connection.secrets().isEmpty()) {
            // Each secret once, however many of its keys the service injects (the same secret is the same output).
            List<Output<String>> arns = new ArrayList<>();
            new TreeMap<>(connection.secretArns()).values().forEach(arn -> {
                if (arns.stream().noneMatch(a -> a == arn)) {
                    arns.add(arn);
                }
            });
            statements.add(PolicyDocument.allow("ReadOwnSecrets", List.of("secretsmanager:GetSecretValue"), arns));
            statements.add(PolicyDocument.withCondition(
                    PolicyDocument.allow("DecryptOwnSecrets", List.of("kms:Decrypt"), List.of(placement.keyArn())),
                    Map.of("StringEquals", Map.of("kms:ViaService",
                            "secretsmanager." + placement.aws().region() + ".amazonaws.com"))));
        }
        return statements;
    }

    private static Output<String> containerDefinitions(ServiceSettings args, Connection connection, LogGroup logGroup,
                                                       String region) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", CONTAINER);
        container.put("image", args.image());
        container.put("essential", true);
        container.put("readonlyRootFilesystem", args.readOnlyRootFilesystem());
        container.put("mountPoints", List.of(Map.of("sourceVolume", "tmp", "containerPath", "/tmp", "readOnly", false)));
        if (args.port() != null) {
            container.put("portMappings", List.of(Map.of("name", PORT_NAME, "containerPort", args.port(),
                    "protocol", "tcp", "appProtocol", "http")));
        }
        if (!args.command().isEmpty()) {
            container.put("command", args.command());
        }
        Map<String, Object> environment = new TreeMap<>(args.environment());
        environment.putAll(connection.environment());
        container.put("environment", environment.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList());
        Map<String, Output<String>> secrets = new TreeMap<>(connection.secrets());
        container.put("secrets", secrets.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "valueFrom", e.getValue())).toList());
        container.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                "awslogs-group", logGroup.name(),
                "awslogs-region", region,
                "awslogs-stream-prefix", args.name())));
        HealthCheck health = args.healthCheck();
        if (!health.command().isEmpty()) {
            container.put("healthCheck", Map.of(
                    "command", health.command(),
                    "interval", health.intervalSeconds(),
                    "timeout", Math.min(health.timeoutSeconds(), 60),
                    "retries", health.unhealthyThreshold(),
                    "startPeriod", Math.min(health.gracePeriodSeconds(), 300)));
        }
        return Json.render(List.of(container));
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
        if (scalingQueue.isPresent()) {
            queueScaling(name, target, scalingQueue.get(), child);
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
     * Step scaling on the queue's visible messages: any backlog adds a task, each {@code messagesPerTask}
     * more adds more, and a queue empty for the scale-in cooldown sets the count back to minCount (0
     * lets a worker cost nothing while idle). Step scaling, not target tracking, because a target on
     * backlog per task has no task count to divide by at zero tasks.
     */
    private void queueScaling(String name, Target target, Output<String> queueName, CustomResourceOptions child) {
        Scaling scaling = args.scaling();
        int perTask = scaling.messagesPerTask();
        var out = new Policy(Naming.child(name, "scale-queue-out"), PolicyArgs.builder()
                .policyType("StepScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .stepScalingPolicyConfiguration(PolicyStepScalingPolicyConfigurationArgs.builder()
                        .adjustmentType("ChangeInCapacity")
                        .metricAggregationType("Maximum")
                        .cooldown(scaling.scaleOutCooldownSeconds())
                        .stepAdjustments(
                                step("0", String.valueOf(perTask), 1),
                                step(String.valueOf(perTask), String.valueOf(5 * perTask), 2),
                                step(String.valueOf(5 * perTask), null, 4))
                        .build())
                .build(), child);
        var in = new Policy(Naming.child(name, "scale-queue-in"), PolicyArgs.builder()
                .policyType("StepScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .stepScalingPolicyConfiguration(PolicyStepScalingPolicyConfigurationArgs.builder()
                        .adjustmentType("ExactCapacity")
                        .metricAggregationType("Maximum")
                        .cooldown(scaling.scaleInCooldownSeconds())
                        .stepAdjustments(step(null, "0", args.minCount()))
                        .build())
                .build(), child);
        Output<Map<String, String>> dimensions = queueName.applyValue(q -> Map.of("QueueName", q));
        new MetricAlarm(Naming.child(name, "queue-backlog"), MetricAlarmArgs.builder()
                .alarmDescription(args.name() + ": scale out on the queue's backlog")
                .namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible").dimensions(dimensions)
                .statistic("Maximum").period(60).evaluationPeriods(1)
                .comparisonOperator("GreaterThanThreshold").threshold(0.0)
                .treatMissingData("notBreaching")
                .alarmActions(out.arn().applyValue(List::of))
                .build(), child);
        new MetricAlarm(Naming.child(name, "queue-empty"), MetricAlarmArgs.builder()
                .alarmDescription(args.name() + ": scale in once the queue has been empty")
                .namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible").dimensions(dimensions)
                .statistic("Maximum").period(60).evaluationPeriods(Math.max(1, scaling.scaleInCooldownSeconds() / 60))
                .comparisonOperator("LessThanOrEqualToThreshold").threshold(0.0)
                // SQS stops publishing metrics for a queue idle for hours: no data means empty.
                .treatMissingData("breaching")
                .alarmActions(in.arn().applyValue(List::of))
                .build(), child);
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
        return service.name();
    }

    /** The target group's ARN suffix, for alarms; empty for services without one. */
    public Optional<Output<String>> targetGroupArnSuffix() {
        return routed.map(r -> r.targetGroup().arnSuffix());
    }
}
