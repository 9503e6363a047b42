package dev.apphome.service;

import dev.apphome.registry.ImageTags;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one Fargate task runs, whoever starts it: a service keeps it running, a scheduled job starts
 * it on a schedule. Built from a service's or a job's settings; {@link FargateTask} declares it.
 *
 * @param name                   the service's or job's name in the stack, e.g. {@code api}: the log group's and
 *                               log streams' last part, and the name role descriptions use
 * @param cpu                    task CPU units
 * @param memory                 task memory in MiB
 * @param architecture           CPU architecture
 * @param source                 where the image comes from
 * @param readOnlyRootFilesystem whether the container's root file system is read-only
 * @param port                   the container port, or null for a task that receives no traffic
 * @param command                container command override (empty: the image's)
 * @param environment            plain variables set in the stack file
 * @param healthCheck            the container health check, when its command is set
 * @param tracing                whether an X-Ray daemon runs beside the container
 */
public record TaskSpec(String name, int cpu, int memory, CpuArchitecture architecture, ImageSpec source,
                       boolean readOnlyRootFilesystem, Integer port, List<String> command,
                       Map<String, String> environment, HealthCheck healthCheck, boolean tracing) {

    public TaskSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** The full image reference when the stack file gives one; null for an image in one of the stack's repositories. */
    public String image() {
        return source instanceof ImageSpec.Reference r ? r.image() : null;
    }

    /** The repository and tag, when the image is in one of the stack's repositories. */
    public java.util.Optional<ImageSpec.FromRepository> repository() {
        return source instanceof ImageSpec.FromRepository r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    /**
     * What is wrong with a task's image and size, for the settings records of whatever runs one (a
     * service, a job): no image at all, a moving tag on one of the stack's repositories (whose tags
     * are immutable), and a CPU and memory pair Fargate does not offer. Keys are relative to the record.
     */
    public static List<Rule.Violation> imageAndSizeProblems(ImageSpec source, int cpu, int memory) {
        List<Rule.Violation> found = new ArrayList<>();
        if (source == null) {
            found.add(new Rule.Violation("image", "is required; allowed: a container image reference such as "
                    + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0.0, or repository and tag"));
        }
        if (source instanceof ImageSpec.FromRepository r && ImageTags.moves(r.tag())) {
            found.add(new Rule.Violation("tag", ImageTags.movingTagProblem(r.repository(), r.tag())));
        }
        if (!FargateSizes.allowed(cpu, memory)) {
            found.add(new Rule.Violation("memory", "cpu " + cpu + " with memory " + memory + " is not a Fargate size; "
                    + "allowed with cpu " + cpu + ": " + FargateSizes.memoryFor(cpu) + " (cpu one of "
                    + FargateSizes.cpuValues() + ")"));
        }
        return found;
    }
}
