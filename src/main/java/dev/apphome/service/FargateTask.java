package dev.apphome.service;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Json;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.registry.ImageRepository;
import dev.apphome.wiring.Connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Fargate task as the stack declares it, for whichever component starts it (a service, a
 * scheduled job): its encrypted log group, its execution role (its own image, secrets and log group
 * only), its task role (exactly what its connection grants), and its task definition, whose family
 * is the component's name. Every resource is the component's child and is named from the
 * component's name, so a service's resources keep the names they always had.
 */
public final class FargateTask {

    public static final String CONTAINER = "app";
    static final int ROLE_NAME_LIMIT = 64;
    static final String PORT_NAME = "http";

    /**
     * What tasks of the stack are placed with: the account, the stack's key, where log groups live
     * and how long they keep logs, and the stack's own image repositories.
     *
     * @param aws              account, region and partition
     * @param keyArn           the stack's KMS key (log groups, secrets)
     * @param logGroupPrefix   log groups are {@code <prefix>/<name>}
     * @param logRetentionDays days the log group keeps logs
     * @param repositories     the stack's ECR repositories by name
     */
    public record Placement(AwsContext aws, Output<String> keyArn, String logGroupPrefix, int logRetentionDays,
                            Map<String, ImageRepository> repositories) {
        public Placement {
            repositories = Map.copyOf(repositories);
        }
    }

    private final LogGroup logGroup;
    private final Role executionRole;
    private final Role taskRole;
    private final TaskDefinition taskDefinition;
    private final List<Resource> rolePolicies = new ArrayList<>();

    private FargateTask(String name, TaskSpec spec, Connection connection, Placement placement, Resource parent) {
        AwsContext aws = placement.aws();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        this.logGroup = new LogGroup(Naming.child(name, "logs"), LogGroupArgs.builder()
                .name(placement.logGroupPrefix() + "/" + spec.name())
                .retentionInDays(placement.logRetentionDays())
                .kmsKeyId(placement.keyArn())
                .build(), child);

        // IAM role names are limited to 64 characters, including the 8 Pulumi adds.
        this.executionRole = new Role(Naming.fitting(Naming.child(name, "execution"), ROLE_NAME_LIMIT), RoleArgs.builder()
                .description("Starts " + spec.name() + " tasks: pulls its image, reads its secrets, writes its logs")
                .assumeRolePolicy(PolicyDocument.assumedBy("ecs-tasks.amazonaws.com", aws.accountId()))
                .build(), child);
        rolePolicies.add(new RolePolicy(Naming.child(name, "execution"), RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(PolicyDocument.of(executionStatements(spec, connection, logGroup, placement)))
                .build(), child));

        this.taskRole = new Role(Naming.fitting(Naming.child(name, "task"), ROLE_NAME_LIMIT), RoleArgs.builder()
                .description("What " + spec.name() + " code may do: only the data stores it declares")
                .assumeRolePolicy(PolicyDocument.assumedBy("ecs-tasks.amazonaws.com", aws.accountId()))
                .build(), child);
        if (!connection.taskStatements().isEmpty()) {
            rolePolicies.add(new RolePolicy(Naming.child(name, "task"), RolePolicyArgs.builder()
                    .role(taskRole.id())
                    .policy(PolicyDocument.of(connection.taskStatements()))
                    .build(), child));
        }

        this.taskDefinition = new TaskDefinition(Naming.child(name, "task"), TaskDefinitionArgs.builder()
                .family(name)
                .cpu(String.valueOf(spec.cpu()))
                .memory(String.valueOf(spec.memory()))
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX")
                        .cpuArchitecture(spec.architecture() == CpuArchitecture.ARM64 ? "ARM64" : "X86_64")
                        .build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .volumes(TaskDefinitionVolumeArgs.builder().name("tmp").build())
                .containerDefinitions(containerDefinitions(spec, image(spec, placement), connection, logGroup, aws.region()))
                // A task started before its secrets have values fails to start.
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(connection.prerequisites()).build());
    }

    /**
     * Declares the task of {@code spec} under {@code parent}, whose name {@code name} is: the log
     * group {@code <name>-logs}, the roles and their policies {@code <name>-execution} and
     * {@code <name>-task}, and the task definition {@code <name>-task} of family {@code name}.
     */
    public static FargateTask declare(String name, TaskSpec spec, Connection connection, Placement placement,
                                      Resource parent) {
        return new FargateTask(name, spec, connection, placement, parent);
    }

    /** The role policies a task needs in place before one starts. */
    public List<Resource> rolePolicies() {
        return List.copyOf(rolePolicies);
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public Output<String> executionRoleArn() {
        return executionRole.arn();
    }

    public Output<String> taskRoleArn() {
        return taskRole.arn();
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    private static List<Map<String, Object>> executionStatements(TaskSpec spec, Connection connection, LogGroup logGroup,
                                                                 Placement placement) {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyDocument.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.arn().applyValue(arn -> arn + ":*"))));
        Optional<Object> repository = spec.repository().<Object>map(r -> placement.repositories().get(r.repository()).arn())
                .or(() -> ImageSource.of(spec.image(), placement.aws().partition()).ecr().map(ImageSource.Ecr::arn));
        if (repository.isPresent()) {
            // GetAuthorizationToken has no resource-level permissions; it grants nothing by itself.
            statements.add(PolicyDocument.allow("GetRegistryToken", List.of("ecr:GetAuthorizationToken"), List.of("*")));
            statements.add(PolicyDocument.allow("PullOwnImage", List.of("ecr:BatchGetImage",
                    "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"), List.of(repository.get())));
        }
        statements.addAll(connection.secretStatements(placement.keyArn(), placement.aws().region()));
        return statements;
    }

    /** The image reference: as the stack file wrote it, or the stack's repository's URL and the tag. */
    private static Object image(TaskSpec spec, Placement placement) {
        return spec.repository().<Object>map(r -> {
            ImageRepository repository = placement.repositories().get(r.repository());
            if (repository == null) {
                throw new IllegalArgumentException(spec.name() + " names repository " + r.repository()
                        + ", which the placement does not have");
            }
            return repository.url().applyValue(url -> url + ":" + r.tag());
        }).orElse(spec.image());
    }

    private static Output<String> containerDefinitions(TaskSpec spec, Object image, Connection connection,
                                                       LogGroup logGroup, String region) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", CONTAINER);
        container.put("image", image);
        container.put("essential", true);
        container.put("readonlyRootFilesystem", spec.readOnlyRootFilesystem());
        container.put("mountPoints", List.of(Map.of("sourceVolume", "tmp", "containerPath", "/tmp", "readOnly", false)));
        if (spec.port() != null) {
            container.put("portMappings", List.of(Map.of("name", PORT_NAME, "containerPort", spec.port(),
                    "protocol", "tcp", "appProtocol", "http")));
        }
        if (!spec.command().isEmpty()) {
            container.put("command", spec.command());
        }
        Map<String, Object> environment = new TreeMap<>(spec.environment());
        environment.putAll(connection.environment());
        container.put("environment", environment.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList());
        Map<String, Output<String>> secrets = new TreeMap<>(connection.secrets());
        container.put("secrets", secrets.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "valueFrom", e.getValue())).toList());
        container.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                "awslogs-group", logGroup.name(),
                "awslogs-region", region,
                "awslogs-stream-prefix", spec.name())));
        HealthCheck health = spec.healthCheck();
        if (health != null && !health.command().isEmpty()) {
            container.put("healthCheck", Map.of(
                    "command", health.command(),
                    "interval", health.intervalSeconds(),
                    "timeout", Math.min(health.timeoutSeconds(), 60),
                    "retries", health.unhealthyThreshold(),
                    "startPeriod", Math.min(health.gracePeriodSeconds(), 300)));
        }
        if (!spec.tracing()) {
            return Json.render(List.of(container));
        }
        // The daemon takes its share of the task; the application's container keeps the rest.
        Map<String, Object> daemon = new LinkedHashMap<>();
        daemon.put("name", "xray-daemon");
        daemon.put("image", Tracing.DAEMON_IMAGE);
        daemon.put("essential", false);
        daemon.put("cpu", Tracing.DAEMON_CPU);
        daemon.put("memoryReservation", Tracing.DAEMON_MEMORY);
        daemon.put("readonlyRootFilesystem", true);
        daemon.put("portMappings", List.of(Map.of("containerPort", 2000, "protocol", "udp")));
        daemon.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                "awslogs-group", logGroup.name(),
                "awslogs-region", region,
                "awslogs-stream-prefix", "xray")));
        return Json.render(List.of(container, daemon));
    }
}
