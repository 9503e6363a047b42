package dev.apphome.plan;

import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.apphome.AppStack;
import dev.apphome.config.ConfigSource;
import dev.apphome.config.StackSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real program for one stack under Pulumi's mock engine and returns every resource as the
 * engine saw it. This is the one place that touches the SDK's internal test API (to inject stack
 * config and to record register-resource requests).
 */
public final class PlanRunner {

    /**
     * What one run produced.
     *
     * @param resources    every registered resource, parents before children
     * @param stackOutputs the stack's outputs, secrets masked
     * @param config       the stack's config as the CLI reports it in a preview: every key, secret values
     *                     blinded as {@value PlannedResource#SECRET}
     * @param preview      whether values AWS computes were left unknown
     */
    public record Result(List<PlannedResource> resources, Map<String, Object> stackOutputs, Map<String, String> config,
                         boolean preview) {

        public List<PlannedResource> ofType(String type) {
            return resources.stream().filter(r -> r.type().equals(type)).toList();
        }

        /** The one resource with this logical name; fails when none or several (of different types) have it. */
        public PlannedResource named(String name) {
            List<PlannedResource> found = resources.stream().filter(r -> r.name().equals(name)).toList();
            if (found.size() != 1) {
                throw new IllegalArgumentException(found.size() + " resources are named " + name + ": "
                        + found.stream().map(PlannedResource::type).toList());
            }
            return found.get(0);
        }

        /** The resource of this type with this logical name. */
        public PlannedResource named(String type, String name) {
            return resources.stream().filter(r -> r.name().equals(name) && r.type().equals(type)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name));
        }

        public PlannedResource byUrn(String urn) {
            return resources.stream().filter(r -> r.urn().equals(urn)).findFirst()
                    .orElseThrow(() -> new AssertionError("no resource " + urn));
        }

        public long customCount() {
            return resources.stream().filter(PlannedResource::custom).count();
        }
    }

    /** Thrown when the program itself fails under the mock engine. */
    public static final class ProgramFailedException extends RuntimeException {
        public ProgramFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PlanRunner() {
    }

    /**
     * @param preview whether to run as a preview, where values AWS computes stay unknown
     */
    public static Result run(StackSettings settings, ConfigSource source, boolean preview) {
        return run(settings, source, preview, new PlanMocks(settings.region(), preview));
    }

    /** The same, answering AWS through {@code mocks} (tests pass a spy to observe the calls). */
    public static Result run(StackSettings settings, ConfigSource source, boolean preview, PlanMocks mocks) {
        return runProgram(settings.project(), settings.stack(), source, preview, mocks,
                ctx -> AppStack.declare(ctx, settings, name -> ctx.config().requireSecret(name)));
    }

    /**
     * Runs any program under the mock engine with the given stack config and returns what it
     * registered: the whole stack, or one component alone in an otherwise empty stack.
     */
    public static synchronized Result runProgram(String project, String stack, ConfigSource source, boolean preview,
                                                 PlanMocks mocks, java.util.function.Consumer<com.pulumi.Context> program) {
        var monitor = new RecordingMonitor[1];
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName(project)
                            .stackName(stack)
                            .preview(preview)
                            .build())
                    .mocks(mocks)
                    .config(source.values(), source.secretKeys())
                    .monitorDecorator(ignored -> monitor[0] = new RecordingMonitor(mocks, PulumiTestInternal.mockLog(), preview))
                    .build();
            var result = test.runTest(program::accept);
            if (result.exitCode() != 0 || !result.exceptions().isEmpty() || !result.errors().isEmpty()) {
                Throwable cause = result.exceptions().isEmpty() ? null : result.exceptions().get(0);
                List<String> messages = new ArrayList<>(result.errors());
                result.exceptions().forEach(e -> messages.add(e.toString()));
                throw new ProgramFailedException("the program failed under the mock engine: " + messages, cause);
            }
            Map<String, Object> outputs = new LinkedHashMap<>();
            result.outputs().forEach((k, v) -> {
                var data = PulumiTestInternal.extractOutputData(v);
                outputs.put(k, data.isSecret() ? PlannedResource.SECRET
                        : data.isKnown() ? data.getValueNullable() : StructValues.UNKNOWN);
            });
            Map<String, String> config = new java.util.TreeMap<>();
            source.values().forEach((k, v) -> config.put(k, source.isSecret(k) ? PlannedResource.SECRET : v));
            return new Result(monitor[0].recorded(), outputs, config, preview);
        } finally {
            PulumiTestInternal.cleanup();
        }
    }
}
