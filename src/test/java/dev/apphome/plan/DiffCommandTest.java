package dev.apphome.plan;

import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/diff's command: what it prints and exits with, for plans, real previews and bad input. */
class DiffCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(Path root, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = DiffCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), root);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String U = "urn:pulumi:test::apphome::";

    /** A plan of one isolated subnet at {@code cidr} and the database subnet group that takes its id. */
    private static String plan(String cidr) {
        return """
                {"steps": [
                  {"op": "create", "urn": "%1$saws:ec2/subnet:Subnet::apphome-test-isolated-1", "newState": {
                    "urn": "%1$saws:ec2/subnet:Subnet::apphome-test-isolated-1", "type": "aws:ec2/subnet:Subnet",
                    "custom": true, "parent": "", "protect": true, "inputs": {"cidrBlock": "%2$s"}}},
                  {"op": "create", "urn": "%1$saws:rds/subnetGroup:SubnetGroup::apphome-test-db-subnets", "newState": {
                    "urn": "%1$saws:rds/subnetGroup:SubnetGroup::apphome-test-db-subnets",
                    "type": "aws:rds/subnetGroup:SubnetGroup", "custom": true, "parent": "",
                    "inputs": {"subnetIds": ["subnet-1"]},
                    "propertyDependencies": {"subnetIds": ["%1$saws:ec2/subnet:Subnet::apphome-test-isolated-1"]}}}
                ]}
                """.formatted(U, cidr);
    }

    private static Path[] plans(Path dir) throws Exception {
        Path before = dir.resolve("before.json");
        Path after = dir.resolve("after.json");
        Files.writeString(before, plan("10.0.34.0/24"));
        Files.writeString(after, plan("10.0.51.0/24"));
        return new Path[]{before, after};
    }

    @Test
    void aStatefulReplacementNobodyAnnouncedIsRefusedWithItsForcingInputAndTheAnnouncementToWrite(@TempDir Path dir)
            throws Exception {
        Path[] docs = plans(dir);

        var run = run(dir, docs[0].toString(), docs[1].toString());

        assertEquals(1, run.status(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("\n  replace  aws:ec2/subnet:Subnet            apphome-test-isolated-1  cidrBlock "
                + "10.0.34.0/24 → 10.0.51.0/24\n"), run.out());
        // The subnet group's subnetIds take the new subnet's id: an update in place.
        assertTrue(run.out().contains("\n  update   aws:rds/subnetGroup:SubnetGroup  apphome-test-db-subnets  subnetIds\n"),
                run.out());
        assertTrue(run.out().contains("\n0 same, 1 update, 1 replace, 0 delete, 0 create\n"), run.out());
        assertTrue(run.out().contains("""
                REFUSED: 1 stateful resource would be replaced or deleted without an announcement.

                  apphome-test-isolated-1 (aws:ec2/subnet:Subnet) would be replaced.
                    It holds data: a subnet a data store takes an input from (through its subnet group): it holds their \
                network interfaces, so it cannot be deleted while they are in it (apphome-test-db-subnets).
                    Forced by: cidrBlock 10.0.34.0/24 → 10.0.51.0/24 — ForceNew in aws_subnet, terraform-provider-aws \
                v5.100.0 internal/service/ec2/vpc_subnet.go.
                    To avoid it: keep every subnet where it is: after changing network.availabilityZones, set \
                network.zoneSlots to the AZ count the stack was deployed with (README: Add an Availability Zone); never \
                change network.cidr, subnetPrefixes or zoneSlots of a deployed stack.
                    It is protected (protect: true): pulumi up would stop at it, part-way through the update. After \
                announcing it, unprotect it first: pulumi state unprotect 'urn:pulumi:test::apphome::aws:ec2/subnet:Subnet::apphome-test-isolated-1'.
                    To let it through, announce it in the stack file:
                      apphome:allowReplace:
                        - resource: apphome-test-isolated-1
                          reason: <why losing or moving it is acceptable>
                """), run.out());
    }

    @Test
    void anAnnouncementInTheStackFileTheDocumentsNameLetsItThrough(@TempDir Path dir) throws Exception {
        Path[] docs = plans(dir);
        Path stack = Stacks.write("test", Stacks.MINIMAL + """
                  apphome:allowReplace:
                    - resource: apphome-test-isolated-1
                      reason: the isolated tier moves to a larger range, with the database restored into it
                """);

        var run = run(stack.getParent(), docs[0].toString(), docs[1].toString());

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("Announcements read from Pulumi.test.yaml.\n"), run.out());
        assertTrue(run.out().contains("\nAnnounced: apphome-test-isolated-1 (aws:ec2/subnet:Subnet) is replaced, forced "
                + "by cidrBlock: the isolated tier moves to a larger range, with the database restored into it\n"), run.out());
        assertTrue(run.out().endsWith("\nNo stateful resource is replaced or deleted without an announcement.\n"));
    }

    @Test
    void twoEqualPlansChangeNothingAndPass(@TempDir Path dir) throws Exception {
        Path[] docs = plans(dir);

        var run = run(dir, docs[0].toString(), docs[0].toString());

        assertEquals(0, run.status());
        assertTrue(run.out().contains("\n  (nothing changes)\n\n2 same, 0 update, 0 replace, 0 delete, 0 create\n"),
                run.out());
    }

    @Test
    void oneRealPreviewIsReadForTheEnginesOwnOperations(@TempDir Path dir) throws Exception {
        Path preview = dir.resolve("preview.json");
        Files.writeString(preview, """
                {"steps": [{"op": "replace", "urn": "%1$saws:sqs/queue:Queue::jobs", "replaceReasons": ["fifoQueue"],
                  "oldState": {"urn": "%1$saws:sqs/queue:Queue::jobs", "type": "aws:sqs/queue:Queue", "inputs": {}},
                  "newState": {"urn": "%1$saws:sqs/queue:Queue::jobs", "type": "aws:sqs/queue:Queue",
                               "inputs": {"fifoQueue": true}}}]}
                """.formatted(U));

        var run = run(dir, preview.toString());

        assertEquals(1, run.status());
        assertTrue(run.out().startsWith("bin/diff: what the preview " + preview + " does\nNo stack file read: no "
                + "replacement is announced (pass --stack).\n"), run.out());
        assertTrue(run.out().contains("    Forced by: fifoQueue (unset) → true — ForceNew in aws_sqs_queue, "
                + "terraform-provider-aws v5.100.0 internal/service/sqs/queue.go.\n"), run.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a missing document|missing.json|bin/diff: DIR/missing.json does not exist; expected a file written by bin/plan --json or pulumi preview --json",
            "a directory|.|bin/diff: DIR/. cannot be read (it is a directory)",
            "a document that is not JSON|notjson.json|bin/diff: DIR/notjson.json is not JSON (",
            "a stack that has no file|before.json --stack nosuch|bin/diff: --stack nosuch: DIR/Pulumi.nosuch.yaml does not exist",
    })
    void badInputIsOneSentenceAndExitTwo(String label, String args, String message, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notjson.json"), "steps: [");
        Files.writeString(dir.resolve("before.json"), plan("10.0.34.0/24"));
        String[] argv = args.split(" ");
        argv[0] = dir.resolve(argv[0]).toString();

        var run = run(dir, argv);

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(message.replace("DIR", dir.toString())), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void anInvalidStackFileIsReportedAndNothingIsJudged(@TempDir Path dir) throws Exception {
        Path[] docs = plans(dir);
        Path stack = Stacks.write("test", Stacks.MINIMAL + "  apphome:allowReplace: [{resource: x, reason: ok}]\n");

        var run = run(dir, docs[0].toString(), docs[1].toString(), "--stack-file", stack.toString());

        assertEquals(2, run.status());
        assertEquals("bin/diff: the stack file is not valid, so its allowReplace cannot be read:\n"
                + "  - Pulumi.test.yaml: apphome:allowReplace[0].reason: found 'ok'; allowed: a sentence of at least 10 "
                + "characters saying why losing or moving it is acceptable\n", run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aUsageMistakeIsExitTwoWithTheUsage() {
        var run = run(Stacks.ROOT);

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Missing required parameter: 'DOCUMENT'\nUsage: diff "), run.err());
    }
}
