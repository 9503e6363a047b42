package dev.apphome;

import dev.apphome.config.StackSettingsReader;
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
}
