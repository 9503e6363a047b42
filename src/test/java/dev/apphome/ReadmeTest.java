package dev.apphome;

import dev.apphome.config.StackSettingsReader;
import dev.apphome.diff.ForcingTable;
import dev.apphome.service.ServiceKind;
import dev.apphome.storage.BucketAccess;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's snippets and config reference agree with the program. */
class ReadmeTest {

    private static final String README = read();

    private static String read() {
        try {
            return Files.readString(Stacks.ROOT.resolve("README.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first yaml block after a heading. */
    private static String snippetAfter(String heading) {
        var m = Pattern.compile(Pattern.quote(heading) + "[\\s\\S]*?```yaml\\n([\\s\\S]*?)```").matcher(README);
        assertTrue(m.find(), heading);
        return m.group(1);
    }

    @Test
    void theAddAServiceSnippetIsAValidService() {
        // The snippet's entries join the minimal stack's services, which end its text.
        String stack = Stacks.MINIMAL + snippetAfter("### Add a service").replace("  apphome:services:\n", "")
                + "  apphome:database: {engine: postgres, instanceClass: db.t4g.micro}\n";
        var settings = Stacks.parse(stack);

        var billing = settings.services().stream().filter(s -> s.name().equals("billing")).findFirst().orElseThrow();
        assertEquals(new ServiceKind.Internal(3002), billing.kind());
        assertEquals(6, billing.maxCount());
        assertEquals(java.util.Optional.of(true), billing.uses().single("database"));
    }

    @Test
    void theScheduledTaskAndFunctionSnippetsAreAValidJobAndFunction() {
        String stack = Stacks.MINIMAL + """
                  apphome:repositories: {ingest: {}, captions: {}}
                  apphome:buckets: {assets: {}}
                  apphome:queues: {captions: {visibilityTimeoutSeconds: 360}}
                """ + snippetAfter("### Run a task on a schedule") + snippetAfter("### Run a function from a queue");
        var settings = Stacks.parse(stack);

        var job = settings.jobs().get(0);
        var function = settings.functions().get(0);
        assertEquals(List.of("nightly-ingest", "cron(30 2 * * ? *)", "Europe/Dublin", "FLEXIBLE"),
                List.of(job.name(), job.schedule().at(), job.schedule().timeZone(), job.schedule().windowMode()));
        assertEquals(List.of("caption-parser", 60, 20, 10), List.of(function.name(), function.timeoutSeconds(),
                function.reservedConcurrency(), function.queue().orElseThrow().maxConcurrency()));
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void theAddABucketSnippetIsAValidBucket() {
        String stack = Stacks.MINIMAL.replace("routing:", "uses: {buckets: {exports: read}}\n      routing:")
                + snippetAfter("### Add a bucket");
        var settings = Stacks.parse(stack);

        assertEquals(30, settings.named(Stores.BUCKETS).get("exports").infrequentAccessAfterDays());
        assertEquals(Map.of("exports", BucketAccess.READ), settings.services().get(0).uses().named("buckets"));
    }

    @Test
    void theAddKafkaSnippetIsAValidCluster() {
        var settings = Stacks.parse(Stacks.MINIMAL.replace("routing:", "uses: {kafka: both}\n      routing:")
                .replace("eu-west-1", "eu-west-1\n  apphome:network: {availabilityZones: 3}") + snippetAfter("### Add Kafka"));
        var kafka = settings.single(Stores.KAFKA).orElseThrow();

        assertEquals(List.of(3, 200, 800), List.of(kafka.brokers(), kafka.volumeSizeGb(), kafka.maxVolumeSizeGb()));
        assertEquals(java.util.Optional.of(dev.apphome.kafka.KafkaAccess.BOTH), settings.services().get(0).uses().single("kafka"));
    }

    @Test
    void theRdsProxySnippetIsAValidProxy() {
        var settings = Stacks.parse(Stacks.MINIMAL + snippetAfter("### Put RDS Proxy in front of the database"));
        var proxy = settings.single(Stores.DATABASE).orElseThrow().proxy().orElseThrow();

        assertEquals(List.of(90, 50, 900, false), List.of(proxy.maxConnectionsPercent(), proxy.maxIdleConnectionsPercent(),
                proxy.idleClientTimeoutSeconds(), proxy.iamAuth()));
    }

    @Test
    void theTuneDatabaseParametersSnippetIsAValidDatabase() {
        var settings = Stacks.parse(Stacks.MINIMAL + snippetAfter("### Tune database parameters"));

        assertEquals(Map.of("max_connections", "2000", "long_query_time", "0.5", "time_zone", "Europe/Berlin"),
                settings.single(Stores.DATABASE).orElseThrow().parameters());
    }

    @Test
        void theAddATableSnippetIsAValidTable() {
        String stack = Stacks.MINIMAL.replace("routing:", "uses: {tables: {orders: readWrite}}\n      routing:")
                + snippetAfter("### Add a table");
        var orders = Stacks.parse(stack).named(Stores.TABLES).get("orders");

        assertEquals(List.of("pk", "sk", "status"), List.copyOf(orders.keyAttributes()));
        assertEquals(new dev.apphome.tables.Projection.KeysOnly(), orders.indexes().get("byStatus").projection());
        assertEquals("expiresAt", orders.ttlAttribute());
    }

    @Test
    void theFanOutSnippetIsAValidTopic() {
        String stack = Stacks.MINIMAL + snippetAfter("### Fan a topic out to queues")
                + "  apphome:queues:\n    billing: {}\n    audit: {}\n";
        var orders = Stacks.parse(stack).named(Stores.TOPICS).get("orders");

        assertEquals(List.of("billing", "audit"), orders.subscriptions().stream().map(s -> s.queue()).toList());
        assertEquals(Map.of("eventType", List.of("order_placed")), orders.subscriptions().get(0).filterPolicy());
        assertEquals(false, orders.subscriptions().get(1).rawMessageDelivery());
    }

    @Test
    void theSecretWithKeysSnippetNeedsExactlyTheStackKeyItsTextNames() {
        String stack = Stacks.MINIMAL.replace("routing:", "secrets: {STRIPE_KEY: thirdParty.stripeKey}\n      routing:")
                + snippetAfter("### A secret with several keys");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.apphome.config.InvalidSettingsException.class,
                () -> Stacks.parse(stack));

        assertEquals(List.of("apphome:thirdParty_stripeKey"), e.problems().stream().map(p -> p.keyPath()).toList());
        assertTrue(README.contains("pulumi config set --secret --stack <stack>\nthirdParty_stripeKey '<value>'"));
    }

    @Test
    void theConfigReferenceIsTheOneTheSettingsRecordsDescribe() {
        assertEquals(Docs.withReference(README), README, "README.md's configuration reference differs from the "
                + "settings records; run bin/reference");
    }

    @Test
    void theConfigReferenceNamesEveryTopLevelKey() {
        for (String key : StackSettingsReader.keys(Stores.ALL)) {
            assertTrue(README.contains("| `" + key), key + " is missing from the config reference");
        }
    }

    @Test
    void pulumiYamlDeclaresTheScalarKeysAndNamesEveryStructuredOne() throws java.io.IOException {
        String project = Files.readString(Stacks.ROOT.resolve("Pulumi.yaml")).split("\nconfig:\n", 2)[1];
        var declared = Pattern.compile("(?m)^  ([a-zA-Z]+):$").matcher(project).results().map(m -> m.group(1)).toList();
        var named = Pattern.compile("structured keys \\(([^)]*)\\)").matcher(project.replaceAll("\\s*\\n\\s*#\\s*", " "));
        assertTrue(named.find(), "Pulumi.yaml names the structured keys");

        List<String> keys = StackSettingsReader.keys(Stores.ALL);
        assertEquals(List.of("logRetentionDays", "protectResources"), declared);
        assertEquals(keys.stream().filter(k -> !declared.contains(k)).toList(), List.of(named.group(1).split(", ")));
    }

    @Test
    void theSubnetAddressTableIsWhatTheSubnetPlanGives() throws Exception {
        var rows = Pattern.compile("(?m)^\\| (\\d) \\| (.*) \\| (.*) \\| (.*) \\|$").matcher(
                README.substring(README.indexOf("### Add an Availability Zone"))).results().toList();
        var defaults = Map.of(dev.apphome.network.SubnetTier.PUBLIC, 24, dev.apphome.network.SubnetTier.PRIVATE, 20,
                dev.apphome.network.SubnetTier.ISOLATED, 24);
        List<Integer> slots = List.of(2, 3, 6);

        assertEquals(4, rows.size());
        for (var row : rows) {
            int zone = Integer.parseInt(row.group(1));
            for (int column = 0; column < slots.size(); column++) {
                var plan = dev.apphome.network.SubnetPlan.plan("10.0.0.0/16", zone, slots.get(column), defaults);
                String expected = java.util.stream.Stream.of(dev.apphome.network.SubnetTier.PRIVATE,
                                dev.apphome.network.SubnetTier.PUBLIC, dev.apphome.network.SubnetTier.ISOLATED)
                        .map(t -> plan.stream().filter(p -> p.tier() == t && p.zoneIndex() == zone - 1).findFirst()
                                .orElseThrow().cidr())
                        .collect(java.util.stream.Collectors.joining(" · "));
                assertEquals(expected, row.group(column + 2), "AZ " + zone + ", zoneSlots " + slots.get(column));
            }
        }
    }

    @Test
    void theAnnouncementSnippetIsAValidAnnouncement() {
        var settings = Stacks.parse(Stacks.MINIMAL + snippetAfter("### Announce a replacement"));

        assertEquals(List.of(new dev.apphome.diff.ReplaceAllowance("apphome-dev-db-instance",
                "dev moves to MySQL 8.4; its data is test data, reloaded by the seed job")), settings.allowReplace());
    }

    @Test
    void theTablesCoverageIsWhatTheTableHolds() {
        var table = ForcingTable.bundled();
        var facts = table.types().stream().map(t -> table.facts(t).orElseThrow()).toList();
        String section = README.substring(README.indexOf("### The replace-forcing table"));

        assertTrue(section.contains("each of the " + table.types().size() + " resource types"), section);
        assertTrue(section.contains(facts.stream().mapToInt(f -> f.replaceOn().size()).sum() + " input paths"));
        assertTrue(section.contains(facts.stream().mapToInt(f -> f.replaceWhen().size()).sum() + " cases the provider"));
        assertTrue(section.contains("Six types have no forcing input"));
        assertEquals(6, facts.stream().filter(f -> f.forcingInputs().isEmpty()).count());
        assertTrue(section.contains("the eleven types where they differ"));
        // The eleven read in both trees that differ, and the EC2 instance, read in one other v5 tree.
        assertEquals(12, facts.stream().filter(f -> !f.unverified())
                .filter(f -> !f.evidence().equals("v5.46.0-dev and v6.0.0 agree")).count());
        assertTrue(section.contains("the EC2 instance, added with the\nNAT instance, was read from one other v5 tree's schema"));
        assertTrue(section.contains("The eight types added to the program"));
        assertEquals(8, facts.stream().filter(ForcingTable.Facts::unverified).count());
    }
}
