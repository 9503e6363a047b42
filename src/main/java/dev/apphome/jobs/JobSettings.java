package dev.apphome.jobs;

import dev.apphome.scheduling.ScheduleSettings;
import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;
import dev.apphome.service.Capacity;
import dev.apphome.service.CpuArchitecture;
import dev.apphome.service.ImageSpec;
import dev.apphome.service.ServiceSettings;
import dev.apphome.service.TaskSpec;
import dev.apphome.wiring.Uses;

import java.util.List;
import java.util.Map;

/**
 * A task the stack runs on a schedule ({@code jobs.<name>}): a Fargate task like a worker's, started
 * by EventBridge Scheduler in the private subnets, with what it uses wired as a service's is.
 *
 * @param name                   the job's name in the stack
 * @param source                 the image: a full reference, or a tag in one of the stack's repositories
 * @param schedule               when it runs, and how long the scheduler keeps trying to start it
 * @param command                container command override
 * @param cpu                    task CPU units
 * @param memory                 task memory; a Fargate combination with {@code cpu}
 * @param architecture           CPU architecture
 * @param environment            plain environment variables (never secrets)
 * @param secrets                environment variable to the name of a secret in {@code secrets}
 * @param uses                   the data stores the job may use, each with its access
 * @param capacity               a capacity strategy of its own; unset, tasks start with launch type FARGATE
 * @param readOnlyRootFilesystem whether the container's root file system is read-only
 */
public record JobSettings(
        @Name(noun = "job", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "2 to 20 lowercase letters, digits and "
                + "hyphens, starting with a letter (it becomes part of AWS names limited to 64 characters)") String name,
        ImageSpec source,
        @Key(doc = "when it runs and how the scheduler retries starting it", required = true,
                allowed = "an object with at, e.g. {at: \"cron(0 2 * * ? *)\", timeZone: Europe/Dublin}")
        ScheduleSettings schedule,
        @Key(doc = "container command, e.g. `[\"ingest\", \"--since\", \"1d\"]`") List<String> command,
        @Key(doc = "task CPU (Fargate combinations with `memory` only)", unit = "CPU units, 1024 = 1 vCPU", dflt = "256",
                min = 256, max = 16384) int cpu,
        @Key(doc = "task memory (Fargate combinations with `cpu` only)", unit = "MiB", dflt = "512", min = 512,
                max = 122880) int memory,
        @Key(doc = "CPU architecture; arm64 cannot use Spot", dflt = "x86_64") CpuArchitecture architecture,
        @Key(doc = "plain variables; secret-looking names are refused") Map<String, String> environment,
        @Key(doc = "variable → name in `secrets`, injected from Secrets Manager") Map<String, String> secrets,
        @Key(doc = "stores it may use (its task role gets exactly these)") Uses uses,
        @Key(doc = "a capacity strategy of its own (e.g. Spot), keys left out taking the cluster's; none: launch type "
                + "FARGATE") Capacity capacity,
        @Key(doc = "read-only root file system (a writable `/tmp` is always mounted)", dflt = "true")
        boolean readOnlyRootFilesystem) {

    public JobSettings {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
    }

    public static final List<Rule<JobSettings>> RULES = List.of(
            Rule.each(j -> TaskSpec.imageAndSizeProblems(j.source, j.cpu, j.memory)),
            Rule.each(j -> ServiceSettings.variableProblems(j.environment, j.secrets, "job", "task definition")));

    /** What the job's task runs: no port, no health check, no tracing daemon. */
    public TaskSpec task() {
        return new TaskSpec(name, cpu, memory, architecture, source, readOnlyRootFilesystem, null, command, environment,
                null, false);
    }

    /** The full image reference when the stack file gives one; null for an image in one of the stack's repositories. */
    public String image() {
        return task().image();
    }

    /** The repository and tag, when the image is in one of the stack's repositories. */
    public java.util.Optional<ImageSpec.FromRepository> repository() {
        return task().repository();
    }
}
