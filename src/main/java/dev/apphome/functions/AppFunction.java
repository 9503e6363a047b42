package dev.apphome.functions;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.FunctionEventInvokeConfig;
import com.pulumi.aws.lambda.FunctionEventInvokeConfigArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingScalingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionEphemeralStorageArgs;
import com.pulumi.aws.lambda.inputs.FunctionEventInvokeConfigDestinationConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionEventInvokeConfigDestinationConfigOnFailureArgs;
import com.pulumi.aws.lambda.inputs.FunctionImageConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.messaging.Queue;
import dev.apphome.network.Firewall;
import dev.apphome.network.Network;
import dev.apphome.network.SubnetTier;
import dev.apphome.registry.ImageRepository;
import dev.apphome.scheduling.ScheduledTarget;
import dev.apphome.scheduling.StackSchedules;
import dev.apphome.schema.Rule;
import dev.apphome.service.CpuArchitecture;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.SecretReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A Lambda function from a container image in one of the stack's repositories, in the private
 * subnets with a security group of its own (closed but for HTTPS out; the stores it uses admit it),
 * its environment encrypted with the stack's key, its log group {@code /aws/lambda/<name>} made
 * (encrypted, with the stack's retention) before it, and a role that may do what its stores grant,
 * manage its network interfaces and write its logs. A queue invokes it through an event source
 * mapping with partial batch responses; or a schedule invokes it asynchronously, and failed runs go
 * to an on-failure destination.
 */
public final class AppFunction extends ComponentResource implements Monitored {

    static final int ROLE_NAME_LIMIT = 64;
    /**
     * What Lambda does with the function's role to place it in the VPC (the actions of AWS's
     * AWSLambdaVPCAccessExecutionRole, written out). They take Resource "*": the network interfaces
     * do not exist until Lambda creates them, so there is no ARN to name, and the Describe actions
     * support no resource-level permissions at all.
     */
    static final List<String> NETWORK_INTERFACE_ACTIONS = List.of("ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    private final FunctionSettings args;
    private final com.pulumi.aws.lambda.Function function;
    private final Optional<ScheduledTarget> scheduled;

    /**
     * What a function is placed into.
     *
     * @param network          the VPC: functions run in its private subnets
     * @param aws              account, region and partition
     * @param keyArn           the stack's key: environment, log group, dead-letter queue
     * @param logRetentionDays days its log group keeps logs
     * @param repositories     the stack's ECR repositories by name
     * @param schedules        the stack's schedule group, when the stack has scheduled work
     */
    public record Placement(Network network, AwsContext aws, Output<String> keyArn, int logRetentionDays,
                            Map<String, ImageRepository> repositories, Optional<StackSchedules> schedules) {
        public Placement {
            repositories = Map.copyOf(repositories);
        }
    }

    /**
     * @param name         the component's name, {@code <project>-<stack>-fn-<name>}
     * @param functionName the function's AWS name (at most 64 characters)
     * @param uses         connects the function, once its security group exists, to every store it uses
     * @param source       the queue whose messages invoke it (a queue-driven function)
     * @param onFailure    the queue its failed runs go to, when the stack file names one (a scheduled function)
     */
    public AppFunction(String name, String functionName, FunctionSettings args, Placement placement,
                       Function<Client, Connection> uses, Optional<Queue> source, Optional<Queue> onFailure,
                       ComponentResourceOptions options) {
        super("apphome:functions:AppFunction", name, options);
        this.args = Rule.require(args);
        if (functionName.length() > 64) {
            throw new IllegalArgumentException(functionName + " is longer than the 64 characters Lambda allows");
        }
        if (args.queue().isPresent() != source.isPresent()) {
            throw new IllegalArgumentException(args.name() + ": a queue-driven function needs its queue, and only it");
        }
        AwsContext aws = placement.aws();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        var firewall = new Firewall(name, "function " + args.name(), placement.network().vpcId(), this);
        firewall.allowHttpsOut("HTTPS to AWS APIs and third-party APIs");
        Connection connection = uses.apply(new Client(args.name(), firewall));

        var logGroup = new LogGroup(Naming.child(name, "logs"), LogGroupArgs.builder()
                .name("/aws/lambda/" + functionName)
                .retentionInDays(placement.logRetentionDays())
                .kmsKeyId(placement.keyArn())
                .build(), child);
        // No aws:SourceAccount condition: Lambda assumes execution roles without a source context.
        var role = new Role(Naming.fitting(Naming.child(name, "role"), ROLE_NAME_LIMIT), RoleArgs.builder()
                .description("What the function " + args.name() + " may do: only the data stores it declares")
                .assumeRolePolicy(PolicyDocument.assumedBy("lambda.amazonaws.com"))
                .build(), child);

        this.scheduled = args.schedule().map(s -> new ScheduledTarget(name, "the function " + args.name(),
                placement.schedules().orElseThrow(() -> new IllegalArgumentException(args.name()
                        + " is scheduled but the placement has no schedule group")),
                aws, placement.keyArn(), List.of(role.arn()), this));
        Optional<Output<String>> failureDestination = args.schedule().map(s -> onFailure.map(Queue::arn)
                .orElseGet(() -> scheduled.orElseThrow().deadLetterArn()));

        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyDocument.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.arn().applyValue(arn -> arn + ":*"))));
        statements.add(PolicyDocument.allow("ManageOwnNetworkInterfaces", NETWORK_INTERFACE_ACTIONS, List.of("*")));
        statements.addAll(connection.taskStatements());
        statements.addAll(connection.secretStatements(placement.keyArn(), aws.region()));
        source.ifPresent(q -> statements.addAll(q.eventSource().taskStatements()));
        failureDestination.ifPresent(destination -> {
            statements.add(PolicyDocument.allow("SendFailedRuns", List.of("sqs:SendMessage"), List.of(destination)));
            statements.add(PolicyDocument.withCondition(PolicyDocument.allow("EncryptFailedRuns",
                            List.of("kms:GenerateDataKey", "kms:Decrypt"), List.of(placement.keyArn())),
                    Map.of("StringEquals", Map.of("kms:ViaService", "sqs." + aws.region() + ".amazonaws.com"))));
        });
        if (args.tracing()) {
            // X-Ray's write actions have no resource-level permissions.
            statements.add(PolicyDocument.allow("SendTraces", List.of("xray:PutTraceSegments",
                    "xray:PutTelemetryRecords"), List.of("*")));
        }
        var rolePolicy = new RolePolicy(Naming.child(name, "role"), RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(statements))
                .build(), child);

        ImageRepository repository = placement.repositories().get(args.repository());
        if (repository == null) {
            throw new IllegalArgumentException(args.name() + " names repository " + args.repository()
                    + ", which the placement does not have");
        }
        Map<String, Output<String>> variables = new TreeMap<>();
        args.environment().forEach((k, v) -> variables.put(k, Output.of(v)));
        variables.putAll(connection.environment());
        // Lambda injects no secrets: the function reads the secret by ARN (and a keyed one's key from its JSON).
        connection.secretArns().forEach((k, arn) -> variables.put(k + FunctionSettings.SECRET_ARN_SUFFIX, arn));
        args.secrets().forEach((k, reference) -> SecretReference.parse(reference).key()
                .ifPresent(key -> variables.put(k + FunctionSettings.SECRET_KEY_SUFFIX, Output.of(key))));

        var function = com.pulumi.aws.lambda.FunctionArgs.builder()
                .name(functionName)
                .description("The function " + args.name() + " of " + name)
                .packageType("Image")
                .imageUri(repository.url().applyValue(url -> url + ":" + args.tag()))
                .architectures(args.architecture() == CpuArchitecture.ARM64 ? "arm64" : "x86_64")
                .memorySize(args.memory())
                .timeout(args.timeoutSeconds())
                .ephemeralStorage(FunctionEphemeralStorageArgs.builder().size(args.ephemeralStorageMb()).build())
                .role(role.arn())
                .vpcConfig(FunctionVpcConfigArgs.builder()
                        .subnetIds(placement.network().ids(SubnetTier.PRIVATE))
                        .securityGroupIds(firewall.id().applyValue(List::of))
                        .build())
                // Lambda encrypts the environment with this key through a grant it makes for the
                // function when it is created (the deployer's kms:CreateGrant, which the key's account
                // statement lets IAM give): the role needs no kms:Decrypt of its own.
                .kmsKeyArn(placement.keyArn())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("Text").logGroup(logGroup.name()).build());
        if (!variables.isEmpty()) {
            function.environment(FunctionEnvironmentArgs.builder()
                    .variables(Output.all(List.copyOf(variables.values())).applyValue(values -> {
                        Map<String, String> resolved = new LinkedHashMap<>();
                        List<String> keys = List.copyOf(variables.keySet());
                        for (int i = 0; i < keys.size(); i++) {
                            resolved.put(keys.get(i), values.get(i));
                        }
                        return resolved;
                    }))
                    .build());
        }
        if (args.reservedConcurrency() != null) {
            function.reservedConcurrentExecutions(args.reservedConcurrency());
        }
        if (!args.command().isEmpty()) {
            function.imageConfig(FunctionImageConfigArgs.builder().commands(args.command()).build());
        }
        if (args.tracing()) {
            function.tracingConfig(FunctionTracingConfigArgs.builder().mode("Active").build());
        }
        List<Resource> before = new ArrayList<>(List.of(logGroup, rolePolicy, repository.policy()));
        before.addAll(firewall.rules());
        before.addAll(connection.prerequisites());
        // The log group first, or Lambda makes one itself (unencrypted, kept forever) on the first run.
        this.function = new com.pulumi.aws.lambda.Function(Naming.child(name, "function"), function.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(before).build());

        source.ifPresent(q -> {
            QueueSource how = args.queue().orElseThrow();
            var mapping = EventSourceMappingArgs.builder()
                    .functionName(this.function.arn())
                    .eventSourceArn(q.arn())
                    .enabled(true)
                    .batchSize(how.batchSize())
                    .maximumBatchingWindowInSeconds(how.maxBatchingWindowSeconds());
            if (how.maxConcurrency() != null) {
                mapping.scalingConfig(EventSourceMappingScalingConfigArgs.builder()
                        .maximumConcurrency(how.maxConcurrency()).build());
            }
            if (how.reportBatchItemFailures()) {
                mapping.functionResponseTypes("ReportBatchItemFailures");
            }
            // Lambda checks the role's permission on the queue when the mapping is made.
            new EventSourceMapping(Naming.child(name, "queue"), mapping.build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(rolePolicy).build());
        });
        args.schedule().ifPresent(on -> {
            new FunctionEventInvokeConfig(Naming.child(name, "async"), FunctionEventInvokeConfigArgs.builder()
                    .functionName(this.function.name())
                    .maximumRetryAttempts(on.retryAttempts())
                    .maximumEventAgeInSeconds(on.maxEventAgeSeconds())
                    .destinationConfig(FunctionEventInvokeConfigDestinationConfigArgs.builder()
                            .onFailure(FunctionEventInvokeConfigDestinationConfigOnFailureArgs.builder()
                                    .destination(failureDestination.orElseThrow()).build())
                            .build())
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(rolePolicy).build());
            scheduled.orElseThrow().schedule(functionName, "Invokes the function " + args.name() + ": "
                            + on.schedule().at() + " " + on.schedule().timeZone(), on.schedule(), this.function.arn(),
                    List.of(PolicyDocument.allow("InvokeOwnFunction", List.of("lambda:InvokeFunction"),
                            List.of(this.function.arn()))),
                    target -> { }, List.of(this.function));
        });
        registerOutputs(Map.of("functionArn", this.function.arn()));
    }

    public FunctionSettings args() {
        return args;
    }

    public Output<String> functionArn() {
        return function.arn();
    }

    /**
     * Errors of its runs, and, for a scheduled function, invocations nobody could run. A queue-driven
     * function's failed messages end in its queue's dead-letter queue, which the queue's alarm watches.
     */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings thresholds) {
        List<Alerts.Alarm> alarms = new ArrayList<>(List.of(new Alerts.AlarmSpec("fn-" + args.name() + "-errors",
                "function " + args.name() + ": runs that failed", "AWS/Lambda", "Errors",
                Map.of("FunctionName", function.name()), "Sum", "GreaterThanThreshold", 0, 60, 1, "notBreaching")));
        scheduled.ifPresent(s -> alarms.add(s.deadLetterAlarm("fn-" + args.name() + "-dead-letters",
                "function " + args.name() + ": scheduled invocations that failed for good")));
        return List.copyOf(alarms);
    }
}
