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
        assertEquals(false, vpc.get("protect"));
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

    @Test
    void stackNamesResolveToStackFiles() {
        assertEquals(Path.of("Pulumi.dev.yaml"), PlanCommand.resolve("dev"));
        assertEquals(Path.of("stacks/Pulumi.qa.yaml"), PlanCommand.resolve("stacks/Pulumi.qa.yaml"));
        assertEquals("qa", PlanCommand.stackName(Path.of("stacks/Pulumi.qa.yaml")));
    }
}
