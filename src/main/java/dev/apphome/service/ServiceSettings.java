package dev.apphome.service;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Uses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One service of the stack ({@code services.<name>}).
 *
 * @param name                   service name
 * @param kind                   web, internal or worker, with the keys each kind has
 * @param source                 the image: a full reference, or a tag in one of the stack's repositories
 * @param cpu                    task CPU units (256 = 0.25 vCPU)
 * @param memory                 task memory; a Fargate combination with {@code cpu}
 * @param architecture           CPU architecture
 * @param desiredCount           tasks to run
 * @param minCount               autoscaling floor
 * @param maxCount               autoscaling ceiling
 * @param scaling                how it scales
 * @param environment            plain environment variables (never secrets)
 * @param secrets                environment variable to the name of a secret in {@code secrets}, or to
 *                               {@code <secret>.<key>} for one key of a secret with keys
 * @param healthCheck            health check settings
 * @param calls                  internal services this one calls
 * @param uses                   the data stores this service may use, each with its access
 * @param command                container command override
 * @param readOnlyRootFilesystem whether the container's root file system is read-only
 * @param capacity               its own capacity strategy, over the cluster's
 * @param tracing                X-Ray tracing
 * @param metrics                the CloudWatch namespace its custom metrics go to, if any
 */
public record ServiceSettings(
        @Name(noun = "service", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "2 to 20 lowercase letters, digits "
                + "and hyphens, starting with a letter (it becomes part of AWS names limited to 32 characters)") String name,
        @Key(doc = "what reaches it", required = true, allowed = "web, internal or worker") ServiceKind kind,
        ImageSpec source,
        @Key(doc = "task CPU (Fargate combinations with `memory` only)", unit = "CPU units, 1024 = 1 vCPU", dflt = "256",
                min = 256, max = 16384) int cpu,
        @Key(doc = "task memory (Fargate combinations with `cpu` only)", unit = "MiB", dflt = "512", min = 512,
                max = 122880) int memory,
        @Key(doc = "CPU architecture; arm64 cannot use Spot", dflt = "x86_64") CpuArchitecture architecture,
        @Key(doc = "tasks to run", dflt = "1", min = 0, max = 1000) int desiredCount,
        @Key(doc = "autoscaling floor", derived = "desiredCount", min = 0, max = 1000) Integer minCount,
        @Key(doc = "autoscaling ceiling; above `minCount` turns on scaling", derived = "desiredCount", min = 1, max = 1000)
        Integer maxCount,
        @Key(doc = "how it scales between `minCount` and `maxCount`") Scaling scaling,
        @Key(doc = "plain variables; secret-looking names are refused") Map<String, String> environment,
        @Key(doc = "variable → a secret in `secrets`, or `<secret>.<key>` for one key of a secret with keys; injected "
                + "from Secrets Manager") Map<String, String> secrets,
        @Key(doc = "target-group and container health checks") HealthCheck healthCheck,
        @Key(doc = "internal services it calls") List<String> calls,
        @Key(doc = "stores it may use (its task role gets exactly these)") Uses uses,
        @Key(doc = "container command") List<String> command,
        @Key(doc = "read-only root file system (a writable `/tmp` is always mounted); false for images that write "
                + "elsewhere", dflt = "true") boolean readOnlyRootFilesystem,
        @Key(doc = "its own capacity strategy (e.g. Spot for a worker only); keys left out take the cluster's")
        Capacity capacity,
        @Key(doc = "X-Ray tracing") Tracing tracing,
        @Key(doc = "CloudWatch namespace the service may publish custom metrics to (`cloudwatch:PutMetricData` in that "
                + "namespace only)", pattern = "[A-Za-z0-9._/#:-]{1,255}", allowed = "a CloudWatch namespace such as "
                + "Commerce/Api (not AWS/…)") String metrics) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*");
    /** Environment variables the program injects itself; a service may not set them. */
    public static final Set<String> INJECTED = Set.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_SECRET_ARN", "DB_CREDENTIALS",
            "CACHE_HOST", "CACHE_PORT", "CACHE_TLS", "CACHE_AUTH_TOKEN", "COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID");

    public ServiceSettings {
        minCount = minCount != null ? minCount : desiredCount;
        maxCount = maxCount != null ? maxCount : desiredCount;
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        calls = List.copyOf(calls);
        command = List.copyOf(command);
    }

    public static final List<Rule<ServiceSettings>> RULES = List.of(
            Rule.each(s -> TaskSpec.imageAndSizeProblems(s.source, s.cpu, s.memory)),
            Rule.of("desiredCount", s -> s.minCount <= s.desiredCount && s.desiredCount <= s.maxCount,
                    s -> "found minCount " + s.minCount + ", desiredCount " + s.desiredCount + ", maxCount " + s.maxCount
                            + "; allowed: minCount ≤ desiredCount ≤ maxCount"),
            Rule.of("scaling.requestsPerTarget", s -> s.scaling.requestsPerTarget() == null || s.kind instanceof ServiceKind.Web,
                    s -> "is set on a " + s.kind.label() + " service; allowed only on web services (it tracks the load "
                            + "balancer's requests)"),
            Rule.of("scaling", s -> s.autoscaled() || !s.scaling.anySignal(), "sets targets but maxCount equals minCount, "
                    + "so nothing can scale; allowed: maxCount above minCount, or no scaling targets"),
            Rule.each(s -> variableProblems(s.environment, s.secrets, "service", "task definition")),
            Rule.of("healthCheck.path", s -> s.healthCheck.path() == null || s.kind instanceof ServiceKind.Web,
                    s -> "is set on a " + s.kind.label() + " service, which has no load balancer to probe it; allowed: "
                            + "command, a container health check such as [\"CMD-SHELL\", \"curl -f "
                            + "http://localhost:8080/health || exit 1\"]"),
            Rule.of("metrics", s -> s.metrics == null || !s.metrics.startsWith("AWS/"), s -> "found '" + s.metrics
                    + "'; allowed: a namespace of your own (AWS/ namespaces are AWS's)"),
            Rule.of("tracing", s -> !s.tracing.enabled() || FargateSizes.allowed(s.cpu, s.memory)
                            && s.memory - Tracing.DAEMON_MEMORY >= 256,
                    s -> "is on with memory " + s.memory + "; allowed: memory that leaves the application at least 256 MiB "
                            + "beside the daemon's " + Tracing.DAEMON_MEMORY),
            Rule.of("minCount", s -> s.minCount > 0 || s.scaling.queue() != null || s.kind instanceof ServiceKind.Worker,
                    s -> "is 0 for a " + s.kind.label() + " service without queue scaling, so nothing would start a task "
                            + "again; allowed: 1 or more, or scaling.queue on a worker"));

    /**
     * What is wrong with the variable names of {@code environment} and {@code secrets}: names a task
     * cannot take or the program sets itself, secret-looking names holding plain values, and names in
     * both. Services, jobs and functions share it; keys are relative to the settings record.
     *
     * @param owner     what has the variables, for messages: {@code service}, {@code job}, {@code function}
     * @param describes what anyone who can describe it sees: {@code task definition} or {@code function}
     */
    public static List<Rule.Violation> variableProblems(Map<String, String> environment, Map<String, String> secrets,
                                                        String owner, String describes) {
        List<Rule.Violation> found = new ArrayList<>();
        environment.keySet().stream().sorted().forEach(k -> {
            String key = "environment." + k;
            if (!ENV_NAME.matcher(k).matches() || INJECTED.contains(k)) {
                found.add(new Rule.Violation(key, variableNameProblem(k)));
            }
            if (looksSecret(k)) {
                found.add(new Rule.Violation(key, "looks like a secret in a plain environment variable; move it to "
                        + "apphome:secrets and reference it under the " + owner + "'s secrets (values in environment "
                        + "are visible to anyone who can describe the " + describes + ")"));
            }
        });
        secrets.keySet().stream().sorted().forEach(k -> {
            String key = "secrets." + k;
            if (!ENV_NAME.matcher(k).matches() || INJECTED.contains(k)) {
                found.add(new Rule.Violation(key, variableNameProblem(k)));
            }
            if (environment.containsKey(k)) {
                found.add(new Rule.Violation(key, "'" + k + "' is also in environment; allowed: each name in one place"));
            }
        });
        return found;
    }

    /** Whether a variable's name says it holds a secret (the policy pack's ECS and Lambda checks use the same words). */
    public static boolean looksSecret(String name) {
        return SECRET_LIKE.matcher(name).matches();
    }

    private static String variableNameProblem(String name) {
        return "'" + name + "' is not allowed as a variable name; allowed: letters, digits and _ not starting with a "
                + "digit, and none of " + String.join(", ", INJECTED.stream().sorted().toList());
    }

    /** The full image reference when the stack file gives one; null for an image in one of the stack's repositories. */
    public String image() {
        return source instanceof ImageSpec.Reference r ? r.image() : null;
    }

    /** The repository and tag, when the image is in one of the stack's repositories. */
    public java.util.Optional<ImageSpec.FromRepository> repository() {
        return source instanceof ImageSpec.FromRepository r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    /** Whether Application Auto Scaling owns the task count: it scales between bounds, or on a schedule. */
    public boolean autoscaled() {
        return maxCount > minCount || !scaling.schedules().isEmpty();
    }

    /** What the service's tasks run. */
    public TaskSpec task() {
        return new TaskSpec(name, cpu, memory, architecture, source, readOnlyRootFilesystem, port(), command, environment,
                healthCheck, tracing.enabled());
    }

    /** The container port, for web and internal services. */
    public Integer port() {
        return kind.port();
    }
}
