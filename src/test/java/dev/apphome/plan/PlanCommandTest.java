package dev.apphome.plan;

import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.list;
import static dev.apphome.support.Plans.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/plan's command: what it prints, writes and exits with. */
class PlanCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As bin/plan started in {@code caller}. */
    private static Run run(String[] args, Path caller) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(args, caller, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBatchPlansEveryLineInOneJvmAndReturnsTheWorstStatus(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("dev.json");
        Path bad = dir.resolve("Pulumi.broken.yaml");
        Files.writeString(bad, "config:\n  aws:region: mars-1\n");
        Files.copy(Stacks.ROOT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Path list = dir.resolve("plans.tsv");
        Files.writeString(list, String.join("\n", "# one plan per line, arguments tab-separated", "",
                String.join("\t", Stacks.ROOT.resolve("Pulumi.dev.yaml").toString(), "--json", good.toString(), "--quiet"),
                String.join("\t", bad.toString(), "--quiet")) + "\n");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = PlanCommand.batch(list, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(PlanCommand.INVALID, status);
        assertTrue(Files.size(good) > 0, "the good line was planned although a later one fails");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Wrote " + good));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bin/plan --batch: exit 1 for: " + bad + " --quiet"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(PlanCommand.FAILED, PlanCommand.batch(dir.resolve("missing.tsv"), new PrintStream(out), new PrintStream(err)));
    }

    @Test
    void writesThePreviewJsonShapeWithRealisticIdsAndDependencies(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("plans/dev.json");
        var run = run(Stacks.ROOT.resolve("Pulumi.dev.yaml").toString(), "--json", json.toString(), "--quiet");

        assertEquals(0, run.status(), run.err());
        var document = map(Json.parse(Files.readString(json)));
        var steps = list(document.get("steps"));
        assertEquals(Map.of("create", (long) steps.size()), document.get("changeSummary"));
        var vpc = steps.stream().map(s -> map(map(s).get("newState")))
                .filter(s -> "aws:ec2/vpc:Vpc".equals(s.get("type"))).findFirst().orElseThrow();
        assertEquals("urn:pulumi:dev::apphome::pulumi:pulumi:Stack$apphome:network:Network$aws:ec2/vpc:Vpc::apphome-dev-vpc",
                vpc.get("urn"));
        assertTrue(vpc.get("id").toString().matches("vpc-[0-9a-f]{17}"));
        assertEquals("urn:pulumi:dev::apphome::pulumi:pulumi:Stack$apphome:network:Network::apphome-dev", vpc.get("parent"));
        assertEquals(true, vpc.get("custom"));
        assertFalse(vpc.containsKey("protect"), "the CLI leaves out protect when it is false");
        var ids = steps.stream().map(s -> map(map(s).get("newState")))
                .filter(s -> Boolean.TRUE.equals(s.get("custom"))).map(s -> s.get("id")).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "every id is unique");
        // A topic policy's "arn" is an input naming its topic, as in AWS; every other ARN is the resource's own.
        var arns = steps.stream().map(s -> map(map(s).get("newState")))
                .filter(s -> Boolean.TRUE.equals(s.get("custom")) && !map(s.get("inputs")).containsKey("arn"))
                .map(s -> map(s.get("outputs")).get("arn")).toList();
        assertEquals(ids.size() - 1, arns.size());
        assertEquals(arns.size(), arns.stream().distinct().count(), "every ARN is unique");
        assertTrue(run.out().startsWith("Resources: + " + steps.size() + " to create"));
    }

    @Test
    void writesTheFieldsOfTheCliPreviewDigestAndNoOthers(@TempDir Path dir) throws Exception {
        Path stack = Stacks.write("digest", Stacks.MINIMAL);
        Files.writeString(stack.resolveSibling("Pulumi.yaml"), "name: apphome\nruntime: java\nconfig:\n"
                + "  logRetentionDays: {type: integer, default: 30}\n  protectResources: {type: boolean, default: true}\n");
        Path json = dir.resolve("digest.json");

        var run = run(stack.toString(), "--json", json.toString(), "--quiet", "--preview");

        assertEquals(0, run.status(), run.err());
        var document = map(Json.parse(Files.readString(json)));
        assertEquals(List.of("config", "steps", "changeSummary"), List.copyOf(document.keySet()));
        var config = map(document.get("config"));
        assertEquals("eu-west-1", config.get("aws:region"));
        assertEquals("30", config.get("apphome:logRetentionDays"), "Pulumi.yaml defaults join the stack's config");
        assertEquals("true", config.get("apphome:protectResources"));
        assertEquals("{\"web\":{\"image\":\"nginx:1.27\",\"kind\":\"web\",\"port\":8080,\"routing\":{\"priority\":10}}}",
                config.get("apphome:services"),
                "object values as compact JSON with sorted keys");
        var steps = list(document.get("steps"));
        String stackUrn = "urn:pulumi:digest::apphome::pulumi:pulumi:Stack::apphome-digest";
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("op", "create");
        root.put("urn", stackUrn);
        root.put("newState", Map.of("urn", stackUrn, "custom", false, "type", "pulumi:pulumi:Stack"));
        root.put("detailedDiff", null);
        assertEquals(root, steps.get(0), "no stack outputs: the CLI writes the stack's step before they exist");
        var vpc = steps.stream().map(s -> map(s)).filter(s -> map(s.get("newState")).get("type").equals("aws:ec2/vpc:Vpc"))
                .findFirst().orElseThrow();
        assertEquals(List.of("op", "urn", "provider", "newState", "detailedDiff"), List.copyOf(vpc.keySet()));
        assertEquals("urn:pulumi:digest::apphome::pulumi:providers:aws::default_6_83_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                vpc.get("provider"), "the default provider, whose id a preview does not know");
        var state = map(vpc.get("newState"));
        assertEquals(List.of("urn", "custom", "type", "inputs", "outputs", "parent", "provider", "propertyDependencies"),
                List.copyOf(state.keySet()), "no id in a preview, and no false or empty fields");
        assertEquals(List.of(), map(state.get("propertyDependencies")).get("cidrBlock"), "every input has its dependency list");
        assertTrue(steps.stream().noneMatch(s -> map(map(s).get("newState")).get("type").toString().startsWith("pulumi:providers:")),
                "the CLI hides default-provider steps");
        assertEquals(Map.of("create", (long) steps.size()), document.get("changeSummary"));
    }

    @Test
    void recordsTheOptionsTheEngineKeeps() {
        var plan = Stacks.plan("prod");
        var cache = plan.named("aws:elasticache/replicationGroup:ReplicationGroup", "apphome-prod-cache-group");
        var bucket = plan.named("aws:s3/bucketV2:BucketV2", "apphome-prod-bucket-media-bucket");

        var token = plan.named("aws:secretsmanager/secretVersion:SecretVersion", "apphome-prod-cache-auth-token");

        // The token is stored once by the secret version; the group always takes that stored value.
        assertEquals(List.of("secretString"), token.options().ignoreChanges());
        assertEquals(List.of(), cache.options().ignoreChanges());
        assertEquals(List.of("authToken"), cache.options().additionalSecretOutputs());
        assertEquals("urn:pulumi:prod::apphome::pulumi:providers:aws::default_6_83_0::6b1fbc01-ab12-c6de-3792-e804b24cbb21",
                cache.options().provider());
        assertEquals(List.of("urn:pulumi:prod::apphome::pulumi:pulumi:Stack$apphome:storage:PrivateBucket$aws:s3/bucket:Bucket"
                + "::apphome-prod-bucket-media-bucket"), bucket.options().aliases(), "the SDK's type alias, under the same parent");
    }

    @Test
    void aJsonPathAtTheStackFileIsRefusedBeforeAnythingIsPlanned() throws Exception {
        Path stack = Stacks.write("same", Stacks.MINIMAL);

        var run = run(stack.toString(), "--json", stack.toString());

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals("error: --json " + stack + " is the stack file this plan reads; writing the plan there would destroy it. "
                + "Give another file, e.g. --json plans/same.json\nNo plan was made.\n", run.err());
        assertEquals(Stacks.MINIMAL, Files.readString(stack));
    }

    @Test
    void aJsonPathAtTheProjectFileIsRefused() {
        Path stack = Stacks.write("project", Stacks.MINIMAL);

        var run = run(stack.toString(), "--json", stack.resolveSibling("Pulumi.yaml").toString());

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: --json " + stack.resolveSibling("Pulumi.yaml") + " is the project file this plan reads"),
                run.err());
    }

    @Test
    void aDirectoryAsJsonPathIsRefusedWithAFileToUseInstead(@TempDir Path dir) {
        Path stack = Stacks.write("dir", Stacks.MINIMAL);

        var run = run(stack.toString(), "--json", dir.toString());

        assertEquals(2, run.status());
        assertEquals("error: --json " + dir + " is a directory; give a file in it, e.g. --json " + dir.resolve("dir.json")
                + "\nNo plan was made.\n", run.err());
    }

    @Test
    void aJsonPathUnderAFileIsRefused(@TempDir Path dir) throws Exception {
        Path stack = Stacks.write("under", Stacks.MINIMAL);
        Files.writeString(dir.resolve("plans"), "a file");
        Path json = dir.resolve("plans/under.json");

        var run = run(stack.toString(), "--json", json.toString());

        assertEquals(2, run.status());
        assertEquals("error: cannot write --json " + json + ": " + dir.resolve("plans") + " is a file, not a directory; "
                + "choose another path.\nNo plan was made.\n", run.err());
    }

    @Test
    void anUnwritableJsonPathIsRefusedInASentence() {
        // Tests run as root, which may write anywhere a disk allows: /proc refuses new files even to root.
        Path stack = Stacks.write("unwritable", Stacks.MINIMAL);

        var run = run(stack.toString(), "--json", "/proc/1/plan.json");

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: cannot write --json /proc/1/plan.json: "), run.err());
        assertTrue(run.err().endsWith("; choose another path.\nNo plan was made.\n"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void printsTheResourceTreeLikePulumiPreview() {
        var run = run(Stacks.ROOT.resolve("Pulumi.dev.yaml").toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(" +   pulumi:pulumi:Stack "));
        assertTrue(run.out().contains(" +   ├─ apphome:network:Network "));
        assertTrue(run.out().contains("│  ├─ aws:ec2/vpc:Vpc "));
        assertTrue(run.out().contains("Outputs:\n    vpcId: vpc-"));
        // Which registry each service pulls from, and what that needs.
        assertTrue(run.out().contains("Images:\n    api: ECR repository api in account 123456789012, eu-west-1: the "
                + "execution role may pull exactly that repository"), run.out());
    }

    @Test
    void anInvalidStackFileIsReportedOnStderrAndNoPlanIsWritten(@TempDir Path dir) {
        Path stack = Stacks.write("broken", Stacks.MINIMAL.replace("port: 8080", "port: 8080\n      cpu: 300"));
        Path json = dir.resolve("broken.json");

        var run = run(stack.toString(), "--json", json.toString());

        assertEquals(1, run.status());
        assertEquals("1 problem in the stack settings; nothing was declared:\n"
                + "  - Pulumi.broken.yaml: apphome:services.web.memory: cpu 300 with memory 512 is not a Fargate size; "
                + "allowed with cpu 300: cpu must be one of [256, 512, 1024, 2048, 4096, 8192, 16384] (cpu one of "
                + "[256, 512, 1024, 2048, 4096, 8192, 16384])\nNo plan was written.\n", run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(json));
    }

    @Test
    void aMissingStackFileIsReported(@TempDir Path dir) {
        var run = run(dir.resolve("Pulumi.nope.yaml").toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("Pulumi.nope.yaml: (file): does not exist at "));
    }

    /** A stack file with no Pulumi.yaml beside it, as the examples under examples/ are kept. */
    private static Path exampleOutsideTheRoot(Path dir) throws Exception {
        Path example = Files.createDirectories(dir.resolve("examples/shop"));
        return Files.writeString(example.resolve("Pulumi.staging.yaml"), Stacks.MINIMAL);
    }

    @Test
    void aStackFileOutsideTheRootIsPlannedAsTheRootProjectsStackNamedByTheFile(@TempDir Path dir) throws Exception {
        Path file = exampleOutsideTheRoot(dir);
        Path json = dir.resolve("plan.json");

        var run = run(file.toString(), "--json", json.toString(), "--quiet");

        assertEquals(0, run.status(), run.err());
        var document = map(Json.parse(Files.readString(json)));
        var stack = map(map(list(document.get("steps")).get(0)).get("newState"));
        assertEquals("urn:pulumi:staging::apphome::pulumi:pulumi:Stack::apphome-staging", stack.get("urn"));
        // The defaults Pulumi.yaml declares come from the root's project file, as for a root stack file.
        assertEquals("30", map(document.get("config")).get("apphome:logRetentionDays"));
        assertEquals("true", map(document.get("config")).get("apphome:protectResources"));
    }

    @Test
    void relativePathsAreTheCallersWhenBinPlanRunsFromAnExamplesDirectory(@TempDir Path dir) throws Exception {
        Path file = exampleOutsideTheRoot(dir);

        var run = run(new String[]{"Pulumi.staging.yaml", "--json", "plan.json", "--quiet"}, file.getParent());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Resources: + "), run.out());
        assertTrue(run.out().contains("Wrote " + file.resolveSibling("plan.json")), run.out());
        assertTrue(Files.exists(file.resolveSibling("plan.json")));
    }

    @Test
    void aStackNameIsTheRootsStackFileWhereverBinPlanRuns(@TempDir Path dir) throws Exception {
        var run = run(new String[]{"nope"}, exampleOutsideTheRoot(dir).getParent());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("Pulumi.nope.yaml: (file): does not exist at " + Stacks.ROOT.resolve("Pulumi.nope.yaml")),
                run.err());
    }

    @Test
    void stackNamesResolveToStackFiles() {
        assertEquals(Path.of("Pulumi.dev.yaml"), PlanCommand.resolve("dev"));
        assertEquals(Path.of("stacks/Pulumi.qa.yaml"), PlanCommand.resolve("stacks/Pulumi.qa.yaml"));
        assertEquals("qa", PlanCommand.stackName(Path.of("stacks/Pulumi.qa.yaml")));
    }
}
