package dev.apphome.diff;

import dev.apphome.plan.PlanDocument;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pairs of stack files, each a committed stack and that stack with one change a user makes: the
 * changes that must replace nothing stateful pass bin/diff's gate, and the ones that would replace
 * or delete a database or a bucket are refused, naming the input that forces it. Both plans run the
 * real program under the mock engine; what AWS itself would do with a plan is the table's claim.
 */
class ChangeSafetyTest {

    private static final Differ DIFFER = new Differ(ForcingTable.bundled());

    /** The committed stack's text with {@code from} replaced by {@code to}, which must occur exactly once. */
    private static String edit(String stack, String... fromTo) {
        String text = Stacks.text(stack);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertEquals(1, text.split(java.util.regex.Pattern.quote(fromTo[i]), -1).length - 1, fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return text;
    }

    private static PreviewDocument document(PlanRunner.Result plan) {
        return PreviewDocument.parse("plan", PlanDocument.toJson(plan));
    }

    private static List<Change> diff(String stack, String changed) {
        return DIFFER.between(document(Stacks.plan(stack)), document(Stacks.planAs(stack, changed)));
    }

    private static Change change(List<Change> changes, String name) {
        return changes.stream().filter(c -> c.name().equals(name) && c.custom()).findFirst().orElseThrow(
                () -> new AssertionError("no change of " + name));
    }

    private static List<String> names(List<Change> changes, Verdict verdict) {
        return changes.stream().filter(c -> c.verdict() == verdict && c.custom()).map(Change::name).sorted().toList();
    }

    private static List<String> refused(List<Change> changes) {
        return Gate.judge(changes, List.of()).refused().stream().map(Change::name).toList();
    }

    /** Every stateful resource of the plan, by URN: what must survive any of these changes. */
    private static Set<String> statefulUrns(List<Change> changes) {
        return changes.stream().filter(c -> c.stateful() != null && c.verdict() != Verdict.CREATE).map(Change::urn)
                .collect(Collectors.toSet());
    }

    private static Map<String, String> subnetCidrs(PlanRunner.Result plan) {
        Map<String, String> cidrs = new TreeMap<>();
        plan.ofType("aws:ec2/subnet:Subnet").forEach(s -> cidrs.put(s.urn(), s.inputString("cidrBlock")));
        return cidrs;
    }

    // Changes that must replace nothing stateful ---------------------------------------------------

    @ParameterizedTest(name = "{0}: {1} → {2} AZs")
    @CsvSource({"dev, 2, 3", "prod, 3, 4"})
    void addingAnAzMovesNoSubnetAndKeepsEveryStatefulUrn(String stack, int from, int to) {
        String changed = edit(stack, "availabilityZones: " + from, "availabilityZones: " + to);
        var before = Stacks.plan(stack);
        var after = Stacks.planAs(stack, changed);

        Map<String, String> kept = new TreeMap<>(subnetCidrs(after));
        kept.keySet().retainAll(subnetCidrs(before).keySet());
        assertEquals(subnetCidrs(before), kept, "every existing subnet keeps its CIDR");
        Set<String> urnsAfter = after.resources().stream().map(PlannedResource::urn).collect(Collectors.toSet());
        var changes = diff(stack, changed);
        assertTrue(urnsAfter.containsAll(statefulUrns(changes)), "every stateful URN is still planned");
        assertEquals(List.of(), names(changes, Verdict.REPLACE));
        assertEquals(List.of(), names(changes, Verdict.DELETE));
        assertEquals(List.of(), refused(changes));
        String zone = "apphome-" + stack + "-";
        assertTrue(names(changes, Verdict.CREATE).containsAll(List.of(zone + "public-" + to, zone + "private-" + to,
                zone + "isolated-" + to)), names(changes, Verdict.CREATE).toString());
        assertEquals(List.of("subnetIds"), change(changes, zone + "db-subnets").changed());
        assertEquals(Verdict.SAME, change(changes, zone + "db-instance").verdict());
    }

    @Test
    void addingAServiceChangesNoStore() {
        var changes = diff("dev", edit("dev", "    worker:\n", """
                    billing:
                      kind: worker
                      image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing:1.0.0
                      uses:
                        database: true
                        buckets:
                          media: read
                    worker:
                """));

        assertEquals(List.of(), refused(changes));
        assertEquals(List.of(), names(changes, Verdict.DELETE));
        assertTrue(names(changes, Verdict.CREATE).containsAll(List.of("apphome-dev-billing-service",
                "apphome-dev-db-sg-in-apphome-dev-billing-sg-5432")), names(changes, Verdict.CREATE).toString());
        for (String store : List.of("apphome-dev-db-instance", "apphome-dev-cache-group", "apphome-dev-bucket-media-bucket",
                "apphome-dev-queue-jobs-queue", "apphome-dev-key-key")) {
            assertEquals(Verdict.SAME, change(changes, store).verdict(), store);
        }
    }

    @Test
    void addingABucketAndAQueueOnlyCreates() {
        var changes = diff("dev", edit("dev", "  apphome:queues:\n",
                "    exports: {noncurrentVersionExpiryDays: 30}\n  apphome:queues:\n",
                "  apphome:secrets:\n", "    emails: {visibilityTimeoutSeconds: 60}\n  apphome:secrets:\n"));

        assertEquals(List.of(), refused(changes));
        assertEquals(List.of(), names(changes, Verdict.REPLACE));
        assertEquals(List.of(), names(changes, Verdict.DELETE));
        assertTrue(names(changes, Verdict.CREATE).containsAll(List.of("apphome-dev-bucket-exports-bucket",
                "apphome-dev-queue-emails-queue", "apphome-dev-queue-emails-dlq")), names(changes, Verdict.CREATE).toString());
        assertEquals(Verdict.SAME, change(changes, "apphome-dev-bucket-media-bucket").verdict());
        assertEquals(Verdict.SAME, change(changes, "apphome-dev-queue-jobs-queue").verdict());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "a larger database class and storage|instanceClass: db.t4g.micro\\n    allocatedStorageGb: 20\\n    maxAllocatedStorageGb: 50|instanceClass: db.t4g.small\\n    allocatedStorageGb: 50\\n    maxAllocatedStorageGb: 100|apphome-dev-db-instance|allocatedStorage,instanceClass,maxAllocatedStorage",
            "Multi-AZ on|    multiAz: false\\n    backupRetentionDays|    multiAz: true\\n    backupRetentionDays|apphome-dev-db-instance|multiAz",
            "a cache replica|    replicas: 0|    replicas: 1|apphome-dev-cache-group|numCacheClusters",
    })
    void resizingAndAddingStandbysUpdateTheStoreInPlace(String label, String from, String to, String store, String inputs) {
        var changes = diff("dev", edit("dev", from.replace("\\n", "\n"), to.replace("\\n", "\n")));

        assertEquals(List.of(), refused(changes));
        assertEquals(Verdict.UPDATE, change(changes, store).verdict());
        assertEquals(List.of(inputs.split(",")), change(changes, store).changed());
        assertEquals(List.of(), names(changes, Verdict.DELETE));
    }

    @Test
    void changingAlarmThresholdsUpdatesTheAlarmsOnly() {
        var changes = diff("prod", edit("prod", "    databaseConnections: 300", """
                    databaseConnections: 250
                    databaseCpuPercent: 70
                """.stripTrailing()));

        assertEquals(List.of(), refused(changes));
        assertEquals(List.of("apphome-prod-alerts-db-connections", "apphome-prod-alerts-db-cpu"),
                names(changes, Verdict.UPDATE).stream().filter(n -> n.contains("alerts-db")).toList());
        assertEquals(List.of("threshold"), change(changes, "apphome-prod-alerts-db-cpu").changed().stream()
                .filter(p -> !p.equals("alarmDescription")).toList());
        assertEquals(List.of(), names(changes, Verdict.REPLACE));
        assertEquals(List.of(), names(changes, Verdict.CREATE));
    }

    // Changes that must be refused -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "the engine|    engine: postgres\\n    engineVersion: \"16\"|    engine: mysql\\n    engineVersion: \"8.4\"|engine|postgres|mysql",
            "the database name|    skipFinalSnapshot: true|    skipFinalSnapshot: true\\n    databaseName: shop|dbName|app|shop",
    })
    void changingTheDatabasesEngineOrNameIsRefused(String label, String from, String to, String input, String was,
                                                   String is) {
        var changes = diff("dev", edit("dev", from.replace("\\n", "\n"), to.replace("\\n", "\n")));

        var database = change(changes, "apphome-dev-db-instance");
        assertEquals(Verdict.REPLACE, database.verdict());
        assertEquals(List.of(input), database.forcingInputs());
        assertEquals(was, database.forcing().get(0).before());
        assertEquals(is, database.forcing().get(0).after());
        assertEquals(List.of("apphome-dev-db-instance"), refused(changes));
    }

    @Test
    void anAnnouncedEngineChangePasses() {
        String changed = edit("dev", "    engine: postgres\n    engineVersion: \"16\"", "    engine: mysql\n    engineVersion: \"8.4\"")
                + """
                  apphome:allowReplace:
                    - resource: apphome-dev-db-instance
                      reason: dev moves to MySQL 8.4; its data is test data, reloaded by the seed job
                """;
        var changes = DIFFER.between(document(Stacks.plan("dev")), document(Stacks.planAs("dev", changed)));

        var gate = Gate.judge(changes, Stacks.parseAs("dev", changed).allowReplace());

        assertTrue(gate.passes());
        assertEquals(List.of("apphome-dev-db-instance"), gate.announced().keySet().stream().map(Change::name).toList());
    }

    @Test
    void renamingABucketIsRefusedAsTheDeletionOfTheOldOne() {
        var changes = diff("dev", edit("dev", "    media:\n      versioning: true", "    assets:\n      versioning: true",
                "          media: readWrite", "          assets: readWrite", "          media: read", "          assets: read"));

        var old = change(changes, "apphome-dev-bucket-media-bucket");
        assertEquals(Verdict.DELETE, old.verdict());
        assertEquals(List.of(Change.Forcing.URN), old.forcingInputs());
        assertEquals("apphome-dev-bucket-assets-bucket", old.createdInstead());
        assertEquals(List.of("apphome-dev-bucket-media-bucket"), refused(changes));
    }

    /** What no stack file can reach is refused all the same: the plan's value changed by hand. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"apphome-dev-db-instance, storageEncrypted", "apphome-dev-cache-group, atRestEncryptionEnabled"})
    void turningStorageEncryptionOffIsRefused(String resource, String input) {
        String plan = PlanDocument.toJson(Stacks.plan("dev"));
        var json = com.google.gson.JsonParser.parseString(plan).getAsJsonObject();
        json.getAsJsonArray("steps").forEach(s -> {
            var state = s.getAsJsonObject().getAsJsonObject("newState");
            if (state.get("urn").getAsString().endsWith("::" + resource)) {
                state.getAsJsonObject("inputs").addProperty(input, false);
            }
        });

        var changes = DIFFER.between(document(Stacks.plan("dev")), PreviewDocument.parse("mutated", json.toString()));

        assertEquals(List.of(input), change(changes, resource).forcingInputs());
        assertEquals(List.of(resource), refused(changes));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.apphome.support.Stacks#all")
    void noStackFileCanTurnStorageEncryptionOff(String stack) {
        var plan = Stacks.anyPlan(stack);
        for (String type : List.of("aws:rds/instance:Instance", "aws:rds/cluster:Cluster")) {
            plan.ofType(type).forEach(r -> assertEquals(true, r.input("storageEncrypted"), r.name()));
        }
        plan.ofType("aws:elasticache/replicationGroup:ReplicationGroup")
                .forEach(r -> assertEquals(true, r.input("atRestEncryptionEnabled"), r.name()));
        assertFalse(plan.resources().isEmpty());
    }
}
