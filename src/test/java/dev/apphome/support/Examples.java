package dev.apphome.support;

import dev.apphome.ExampleDocs;
import dev.apphome.ExampleDocs.Example;
import dev.apphome.plan.PlanDocument;
import dev.apphome.plan.PlanRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The example stacks under {@code examples/}, each planned once per JVM as bin/plan plans it. Each
 * plan's document (what {@code bin/plan <file> --json} writes) is also left in {@value #DOCUMENTS},
 * where the policy pack's tests take it instead of planning the example a second time.
 */
public final class Examples {

    public static final String DOCUMENTS = "target/example-plans";
    private static final Map<String, PlanRunner.Result> PLANS = new ConcurrentHashMap<>();

    private Examples() {
    }

    public static List<Example> all() {
        return ExampleDocs.examples(Stacks.ROOT);
    }

    /** The plan of {@code examples/<system>/Pulumi.<stack>.yaml}. */
    public static PlanRunner.Result plan(String system, String stack) {
        return plan(all().stream().filter(e -> e.system().equals(system) && e.stack().equals(stack)).findFirst()
                .orElseThrow(() -> new AssertionError("no example " + system + "/Pulumi." + stack + ".yaml")));
    }

    public static PlanRunner.Result plan(Example example) {
        return PLANS.computeIfAbsent(example.system() + "/" + example.stack(), k -> {
            PlanRunner.Result plan = ExampleDocs.plan(example);
            try {
                Path dir = Files.createDirectories(Stacks.ROOT.resolve(DOCUMENTS));
                // Written aside and moved into place: a test JVM beside this one may write the same
                // document, and the pack's tests must never read half of one.
                Path part = Files.createTempFile(dir, example.system() + "-" + example.stack(), ".part");
                Files.writeString(part, PlanDocument.toJson(plan, PlanDocument.projectDefaults(Stacks.ROOT.resolve("Pulumi.yaml"))));
                Files.move(part, dir.resolve(example.system() + "-" + example.stack() + ".json"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return plan;
        });
    }

    /** Every example's plan, in the table's order. */
    public static Map<Example, PlanRunner.Result> plans() {
        Map<Example, PlanRunner.Result> plans = new LinkedHashMap<>();
        all().forEach(e -> plans.put(e, plan(e)));
        return plans;
    }
}
