package dev.apphome.compat;

import dev.apphome.support.Stacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nothing a user already runs changes under them. The plans of the committed stacks and of the
 * variant stacks as version 1.0 planned them are kept in {@code compat/v1/}; today's plans must
 * match them resource by resource (URN, type, parent, protect, every input), except for the changes
 * listed, each with its reason, in {@code compat/changes.txt} — the same list the README announces.
 * A change that is not listed fails, and so does a listed change that no longer happens.
 */
class CompatibilityTest {

    private static final Path V1 = Stacks.ROOT.resolve("src/test/resources/compat/v1");
    private static final List<Change> CHANGES = Change.read(Stacks.ROOT.resolve("src/test/resources/compat/changes.txt"));

    /** One announced change: which stacks, what changed, on which resource ({@code type::name}), why. */
    record Change(String stacks, String change, String resource, String reason) {

        static List<Change> read(Path file) {
            try {
                List<Change> changes = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split("\\s*\\|\\s*", 4);
                    changes.add(new Change(parts[0].trim(), parts[1], parts[2], parts[3]));
                }
                return changes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean covers(String stack, PlanSnapshot.Difference difference) {
            return (stacks.equals("*") || List.of(stacks.split(",")).contains(stack))
                    && (change.equals(difference.change())
                            || change.equals("inputs") && difference.change().startsWith("inputs."))
                    && resource.replace("{stack}", stack).equals(typeAndName(difference.urn()));
        }
    }

    /** {@code urn:pulumi:s::p::a$b$type::name} → {@code type::name}. */
    static String typeAndName(String urn) {
        String qualified = urn.substring(0, urn.lastIndexOf("::"));
        String type = qualified.substring(Math.max(qualified.lastIndexOf('$'), qualified.lastIndexOf("::") + 1) + 1);
        if (type.startsWith(":")) {
            type = type.substring(1);
        }
        return type + "::" + urn.substring(urn.lastIndexOf("::") + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "aurora-postgres", "aurora-mysql", "rds-mysql", "no-nat", "minimal"})
    void everyDifferenceFromVersionOneIsAnAnnouncedChange(String stack) {
        var before = PlanSnapshot.read(V1.resolve(stack + ".json"));
        var now = PlanSnapshot.of(Stacks.anyPlan(stack));

        List<String> unannounced = now.since(before).stream()
                .filter(d -> CHANGES.stream().noneMatch(c -> c.covers(stack, d)))
                .map(Object::toString).toList();

        assertEquals("", unannounced.stream().collect(Collectors.joining("\n")),
                "changes to stack " + stack + " that src/test/resources/compat/changes.txt does not announce");
    }

    /**
     * An upgrade of the program keeps every stateful resource where it is: no database, bucket, key,
     * secret, queue or data subnet of a 1.0 stack is replaced or deleted, whatever changes.txt
     * announces. A renamed or re-parented one passes only with an alias of its 1.0 URN.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "aurora-postgres", "aurora-mysql", "rds-mysql", "no-nat", "minimal"})
    void upgradingFromVersionOneReplacesOrDeletesNothingStateful(String stack) {
        var before = dev.apphome.diff.PreviewDocument.parse("v1/" + stack + ".json",
                PlanSnapshot.read(V1.resolve(stack + ".json")).toPreviewJson());
        var now = dev.apphome.diff.PreviewDocument.parse(stack,
                dev.apphome.plan.PlanDocument.toJson(Stacks.anyPlan(stack)));

        var changes = new dev.apphome.diff.Differ(dev.apphome.diff.ForcingTable.bundled()).between(before, now);

        assertEquals(List.of(), dev.apphome.diff.Gate.judge(changes, List.of()).refused().stream()
                .map(c -> c.verdict().label() + " " + c.name() + " " + c.forcingInputs()).toList());
    }

    @org.junit.jupiter.api.Test
    void everyAnnouncedChangeStillHappens() {
        List<String> stacks = List.of("dev", "prod", "aurora-postgres", "aurora-mysql", "rds-mysql", "no-nat", "minimal");
        List<PlanSnapshot.Difference> all = new ArrayList<>();
        List<String> stale = new ArrayList<>(CHANGES.stream().map(Change::toString).toList());
        for (String stack : stacks) {
            var differences = PlanSnapshot.of(Stacks.anyPlan(stack)).since(PlanSnapshot.read(V1.resolve(stack + ".json")));
            all.addAll(differences);
            for (Change change : CHANGES) {
                if (differences.stream().anyMatch(d -> change.covers(stack, d))) {
                    stale.remove(change.toString());
                }
            }
        }
        assertEquals(List.of(), stale, "announced changes that no stack shows any more");
    }
}
