package dev.apphome.support;

import dev.apphome.config.ConfigSource;
import dev.apphome.config.StackSettings;
import dev.apphome.AppStack;
import dev.apphome.plan.PlanRunner;
import dev.apphome.config.StackFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stack files for tests: the committed ones, read from the repository root exactly as bin/plan
 * reads them, and variants written to a temporary directory. Each stack is evaluated once per JVM
 * and shared, because one evaluation costs about a second.
 */
public final class Stacks {

    public static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Map<String, PlanRunner.Result> PLANS = new ConcurrentHashMap<>();

    private Stacks() {
    }

    /** The committed stack's settings, e.g. {@code dev}. */
    public static StackSettings committed(String stack) {
        Path file = ROOT.resolve("Pulumi." + stack + ".yaml");
        return AppStack.settings("apphome", stack, StackFile.load(file));
    }

    /** The committed stack's plan, evaluated once per JVM. */
    public static PlanRunner.Result plan(String stack) {
        return PLANS.computeIfAbsent(stack, s -> {
            Path file = ROOT.resolve("Pulumi." + s + ".yaml");
            ConfigSource source = StackFile.load(file);
            return PlanRunner.run(AppStack.settings("apphome", s, source), source, false);
        });
    }

    /** The committed stack's plan in preview mode, where values AWS computes stay unknown. */
    public static PlanRunner.Result preview(String stack) {
        return PLANS.computeIfAbsent(stack + "#preview", s -> {
            Path file = ROOT.resolve("Pulumi." + stack + ".yaml");
            ConfigSource source = StackFile.load(file);
            return PlanRunner.run(AppStack.settings("apphome", stack, source), source, true);
        });
    }

    /** Variant stack files kept for tests, beside the committed ones: other engines, regions and options. */
    public static final Path VARIANTS = ROOT.resolve("src/test/resources/stacks");

    /** Every committed stack and every variant stack, by name: what a test over all stacks runs over. */
    public static java.util.stream.Stream<String> all() {
        try (var committed = Files.list(ROOT); var variants = Files.list(VARIANTS)) {
            return java.util.stream.Stream.concat(committed.toList().stream(), variants.toList().stream())
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A committed stack's plan, or a variant's ({@code src/test/resources/stacks/Pulumi.<name>.yaml}). */
    public static PlanRunner.Result anyPlan(String stack) {
        Path committed = ROOT.resolve("Pulumi." + stack + ".yaml");
        if (Files.exists(committed)) {
            return plan(stack);
        }
        return PLANS.computeIfAbsent("variant:" + stack, s -> {
            ConfigSource source = StackFile.load(VARIANTS.resolve("Pulumi." + stack + ".yaml"));
            return PlanRunner.run(AppStack.settings("apphome", stack, source), source, false);
        });
    }

    /** A committed stack file's text, e.g. {@code dev}, for variants that change a few lines of it. */
    public static String text(String stack) {
        try {
            return Files.readString(ROOT.resolve("Pulumi." + stack + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Plans a stack file's text as stack {@code stack} (so that its URNs are that stack's), once per
     * JVM for the same text.
     */
    public static PlanRunner.Result planAs(String stack, String yaml) {
        return PLANS.computeIfAbsent("text:" + stack + ":" + yaml, k -> {
            ConfigSource source = StackFile.load(write(stack, yaml));
            return PlanRunner.run(AppStack.settings("apphome", stack, source), source, false);
        });
    }

    /** Writes {@code yaml} as {@code Pulumi.<stack>.yaml} in a fresh directory beside a Pulumi.yaml. */
    public static Path write(String stack, String yaml) {
        try {
            Path dir = Files.createTempDirectory("apphome-stack");
            Files.writeString(dir.resolve("Pulumi.yaml"), "name: apphome\nruntime: java\n");
            Path file = dir.resolve("Pulumi." + stack + ".yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a stack file's text as stack {@code stack}. */
    public static StackSettings parseAs(String stack, String yaml) {
        return AppStack.settings("apphome", stack, StackFile.load(write(stack, yaml)));
    }

    /** Parses a stack file's text as stack {@code test}. */
    public static StackSettings parse(String yaml) {
        return AppStack.settings("apphome", "test", StackFile.load(write("test", yaml)));
    }

    /** Plans a stack file's text as stack {@code test}. */
    public static PlanRunner.Result planOf(String yaml) {
        return planOf(yaml, "test");
    }

    /** Plans a stack file's text as the named stack. */
    public static PlanRunner.Result planOf(String yaml, String stack) {
        ConfigSource source = StackFile.load(write(stack, yaml));
        return PlanRunner.run(AppStack.settings("apphome", stack, source), source, false);
    }

    /** A small valid stack: one web service, nothing else. Tests add or change lines. */
    public static final String MINIMAL = """
            config:
              aws:region: eu-west-1
              apphome:loadBalancer:
                plainHttp: true
              apphome:services:
                web:
                  kind: web
                  image: nginx:1.27
                  port: 8080
                  routing:
                    priority: 10
            """;
}
