package dev.apphome.functions;

import dev.apphome.registry.ImageTags;
import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;
import dev.apphome.service.CpuArchitecture;
import dev.apphome.service.ServiceSettings;
import dev.apphome.wiring.Uses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Lambda function from a container image in one of the stack's ECR repositories
 * ({@code functions.<name>}), invoked by a queue's messages or by a schedule, in the private subnets.
 *
 * @param name                the function's name in the stack (its AWS name is {@code <project>-<stack>-<name>})
 * @param repository          the repository of {@code repositories} that holds its image
 * @param tag                 the image's tag there
 * @param trigger             what invokes it
 * @param architecture        the image's CPU architecture
 * @param memory              memory in MiB (CPU is allotted in proportion)
 * @param timeoutSeconds      seconds one run may take
 * @param reservedConcurrency concurrent runs reserved for it (and its ceiling); null: the account's unreserved pool
 * @param ephemeralStorageMb  size of {@code /tmp} in MiB
 * @param command             the image's command override
 * @param environment         plain environment variables (never secrets)
 * @param secrets             variable → name in {@code secrets}: the function receives {@code <variable>_SECRET_ARN}
 * @param uses                the data stores it may use, each with its access
 * @param tracing             whether Lambda traces it with X-Ray (tracing mode Active)
 */
public record FunctionSettings(
        @Name(noun = "function", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "2 to 20 lowercase letters, digits "
                + "and hyphens, starting with a letter (the function's AWS name adds the 30-character stack prefix; "
                + "Lambda allows 64)") String name,
        @Key(doc = "a repository of `repositories` that holds the image (Lambda runs images from ECR only)",
                required = true, pattern = "[a-z][a-z0-9-]{0,38}[a-z0-9]", allowed = "the name of a repository in "
                + "repositories") String repository,
        @Key(doc = "the image's tag in that repository (immutable there, so never a moving tag such as `latest`)",
                required = true, pattern = "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}",
                allowed = "an image tag such as 1.4.2 or 2025-06-01-3f2a9c1") String tag,
        FunctionTrigger trigger,
        @Key(doc = "the image's CPU architecture", dflt = "x86_64") CpuArchitecture architecture,
        @Key(doc = "memory (Lambda allots CPU in proportion: 1769 MiB is one vCPU)", unit = "MiB", dflt = "512",
                min = 128, max = 10240) int memory,
        @Key(doc = "seconds one run may take; a queue's visibility timeout must be at least this (6 × is advised)",
                unit = "seconds", dflt = "30", min = 1, max = 900) int timeoutSeconds,
        @Key(doc = "concurrent runs reserved for it, which are also its ceiling; none: it shares the account's "
                + "unreserved concurrency", min = 1, max = 1000) Integer reservedConcurrency,
        @Key(doc = "size of its writable `/tmp`", unit = "MiB", dflt = "512", min = 512, max = 10240)
        int ephemeralStorageMb,
        @Key(doc = "the image's command override, e.g. `[\"app.handler\"]`") List<String> command,
        @Key(doc = "plain variables; secret-looking names are refused") Map<String, String> environment,
        @Key(doc = "variable → name in `secrets`; Lambda has no secret injection, so the function receives the "
                + "secret's ARN as `<variable>_SECRET_ARN` (and, naming one key of a keyed secret, that key as "
                + "`<variable>_SECRET_KEY`) and may read that secret") Map<String, String> secrets,
        @Key(doc = "stores it may use (its role gets exactly these)") Uses uses,
        @Key(doc = "trace with X-Ray (tracing mode Active)", dflt = "false") boolean tracing) {

    /** Variables Lambda sets itself; a function's configuration may not set them. */
    public static final Set<String> LAMBDA_RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ");
    /** What a secret's variable becomes: the ARN of the secret, never its value. */
    public static final String SECRET_ARN_SUFFIX = "_SECRET_ARN";
    /** For one key of a keyed secret: the key, which the function reads from the secret's JSON. */
    public static final String SECRET_KEY_SUFFIX = "_SECRET_KEY";

    public FunctionSettings {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
    }

    public static final List<Rule<FunctionSettings>> RULES = List.of(
            Rule.of("queue", f -> f.trigger != null, "is required, or schedule; allowed: queue: {name: <a queue of "
                    + "queues>} for a queue-driven function, or schedule: {at: \"rate(15 minutes)\"}"),
            Rule.of("tag", f -> !ImageTags.moves(f.tag), f -> ImageTags.movingTagProblem(f.repository, f.tag)),
            Rule.of("queue.maxConcurrency", f -> !(f.trigger instanceof FunctionTrigger.OnQueue q)
                            || q.queue().maxConcurrency() == null || f.reservedConcurrency == null
                            || q.queue().maxConcurrency() <= f.reservedConcurrency,
                    f -> {
                        int max = ((FunctionTrigger.OnQueue) f.trigger).queue().maxConcurrency();
                        return "is " + max + ", above reservedConcurrency " + f.reservedConcurrency + ": Lambda would "
                                + "throttle the runs the queue starts beyond " + f.reservedConcurrency + " and return "
                                + "their messages to the queue, which counts each as a receive; allowed: at most "
                                + f.reservedConcurrency + ", or reservedConcurrency of at least " + max;
                    }),
            Rule.each(f -> {
                List<Rule.Violation> found = new ArrayList<>(
                        ServiceSettings.variableProblems(f.environment, f.secrets, "function", "function"));
                f.environment.keySet().stream().sorted().forEach(k -> {
                    if (LAMBDA_RESERVED.contains(k)) {
                        found.add(new Rule.Violation("environment." + k, "'" + k + "' is set by Lambda itself; "
                                + "allowed: a name Lambda does not reserve (none of " + String.join(", ",
                                LAMBDA_RESERVED.stream().sorted().toList()) + ")"));
                    }
                    for (String suffix : List.of(SECRET_ARN_SUFFIX, SECRET_KEY_SUFFIX)) {
                        if (k.endsWith(suffix)) {
                            found.add(new Rule.Violation("environment." + k, "ends with " + suffix + ", which "
                                    + "names the variables the program sets for secrets; allowed: the secret under secrets"));
                        }
                    }
                });
                return found;
            }));

    /** The function's name in AWS: {@code <project>-<stack>-<name>}, fixed so that its log group can exist first. */
    public String functionName(String stackPrefix) {
        return stackPrefix + "-" + name;
    }

    /** The queue it consumes, if a queue invokes it. */
    public java.util.Optional<QueueSource> queue() {
        return trigger instanceof FunctionTrigger.OnQueue q ? java.util.Optional.of(q.queue()) : java.util.Optional.empty();
    }

    /** How a schedule invokes it, if one does. */
    public java.util.Optional<FunctionTrigger.OnSchedule> schedule() {
        return trigger instanceof FunctionTrigger.OnSchedule s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }
}
