package dev.apphome.config;

import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stack files a new user writes by mistake, each refused with one clear sentence: where, what was
 * found, what is allowed. Nothing here may end in a Java exception other than the report, or in
 * unbounded time or memory.
 */
class BadStackFilesTest {

    private static List<String> problems(String yaml) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static List<String> fileProblems(Path file) {
        var e = assertThrows(InvalidSettingsException.class, () -> StackFile.load(file));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static Path bytes(byte[] content) throws IOException {
        Path file = Stacks.write("test", "");
        Files.write(file, content);
        return file;
    }

    @Test
    void yesIsAStringInYaml12AsTheCliReadsIt() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:network.interfaceEndpoints: expected true or false, found 'yes'; "
                        + "write true or false: YAML 1.2, as the Pulumi CLI reads stack files, takes yes as a string"),
                problems(Stacks.MINIMAL + "  apphome:network: {interfaceEndpoints: yes}\n"));
    }

    @Test
    void anUnquotedVersionIsANumberAndTheMessageSaysToQuoteIt() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:database.engineVersion: found the number 8, but this is text; "
                        + "write it in quotes, e.g. engineVersion: \"8\" (YAML reads an unquoted 8.0 as a number, and the "
                        + "Pulumi CLI passes it on as 8)"),
                problems(Stacks.MINIMAL + "  apphome:database: {engine: mysql, engineVersion: 8.0, instanceClass: db.t4g.micro}\n"));
    }

    @Test
    void aDateIsShownAsWritten() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:network.availabilityZones: expected a whole number from 2 to 6, "
                        + "found '2024-01-01'"),
                problems(Stacks.MINIMAL + "  apphome:network: {availabilityZones: 2024-01-01}\n"));
    }

    @Test
    void infinityAndNanCannotReachTheProgram() throws IOException {
        assertEquals(List.of(
                        "Pulumi.test.yaml: apphome:network.availabilityZones: found .inf, a number the Pulumi CLI cannot "
                                + "pass to a program (JSON has no infinity or NaN); allowed: a finite number",
                        "Pulumi.test.yaml: apphome:x: found .nan, a number the Pulumi CLI cannot pass to a program (JSON "
                                + "has no infinity or NaN); allowed: a finite number"),
                fileProblems(Stacks.write("test", Stacks.MINIMAL
                        + "  apphome:network: {availabilityZones: .inf}\n  apphome:x: .nan\n")));
    }

    @Test
    void aSecureValueUnderStructuredSettingsIsRefusedWithoutShowingIt() {
        var found = problems(Stacks.MINIMAL + """
                  apphome:network:
                    cidr:
                      secure: v1:bm9uY2Vub25jZQ==:Y2lwaGVydGV4dA==
                """);

        assertEquals(List.of("Pulumi.test.yaml: apphome:network: is stored as a secret, but it is plain settings; set it "
                + "without --secret (no value under it may be secure:)"), found);
    }

    @Test
    void aliasesThatExpandToGigabytesAreRefusedFromTheFileAlone() {
        StringBuilder yaml = new StringBuilder("config:\n  apphome:a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append("  apphome:").append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = String.valueOf(c);
        }
        // 440 bytes that stand for 9^9 = 387 million strings.
        assertEquals(440, yaml.length());
        assertEquals(List.of("Pulumi.test.yaml: (file): expands, through its aliases, to more than 100000 values or 4 MiB "
                        + "of text, which no stack file needs; allowed: aliases that repeat a value a few times"),
                fileProblems(Stacks.write("test", yaml.toString())));
    }

    @Test
    void anEndlessFileIsRefusedAfterOneMebibyte() {
        assertEquals(List.of("zero: (file): is larger than 1 MiB, which no stack file is; allowed: a YAML stack file such "
                + "as Pulumi.dev.yaml"), fileProblems(Path.of("/dev/zero")));
    }

    @Test
    void binaryContentNamesItsLine() throws IOException {
        assertEquals(List.of("Pulumi.test.yaml: line 2: is not UTF-8 text (byte 0xFF at offset 19); allowed: a stack file "
                        + "saved as UTF-8 text"),
                fileProblems(bytes(new byte[]{'c', 'o', 'n', 'f', 'i', 'g', ':', '\n', ' ', ' ', 'a', 'w', 's', ':', 'r',
                        'e', 'g', ':', ' ', (byte) 0xff, '\n'})));
        assertEquals(List.of("Pulumi.test.yaml: line 1: holds the control character U+0000, so this is not a text file; "
                + "allowed: a YAML stack file saved as UTF-8 text"), fileProblems(bytes(new byte[]{0, 1, 2, 3})));
    }

    @Test
    void aLookAlikeLetterInAKeyIsNamedByItsCodePoint() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:netw\u043erk: unknown key; it contains '\u043e' (U+043E CYRILLIC "
                        + "SMALL LETTER O), which is not an ASCII character: keys are plain ASCII; did you mean 'network'?; "
                        + "allowed keys: " + String.join(", ", StackSettingsReader.keys(dev.apphome.Stores.ALL))),
                problems(Stacks.MINIMAL + "  apphome:netw\u043erk: {}\n"));
    }

    @Test
    void aMissingConfigLineIsSaidOnce() throws IOException {
        assertEquals(List.of("Pulumi.test.yaml: (file): has no config: line: its keys aws:region, apphome:network stand at "
                        + "the top level; allowed: a line config: with every key indented under it"),
                fileProblems(Stacks.write("test", "aws:region: eu-west-1\napphome:network: {}\n")));
    }

    @Test
    void aRegionIsOneTheProviderKnows() {
        assertEquals(List.of("Pulumi.test.yaml: aws:region: found 'eu-wset-1', which is not a region the AWS provider "
                        + "knows; did you mean 'eu-west-1'?; allowed: an AWS region such as eu-west-1 (aws ec2 "
                        + "describe-regions lists those your account may use)"),
                problems(Stacks.MINIMAL.replace("eu-west-1", "eu-wset-1")));
    }

    @Test
    void routingHostsMustBeHostNames() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:services.web.routing.hosts: found 'https://api.example.com/', "
                        + "which is not a host name; allowed: host names such as api.example.com or *.example.com, up to "
                        + "128 characters, without scheme, port or path"),
                problems(Stacks.MINIMAL.replace("priority: 10", "priority: 10\n        hosts: ['https://api.example.com/']")));
    }

    @Test
    void everyKeyOfTheAwsProvidersOwnConfigIsAccepted() {
        var settings = Stacks.parse(Stacks.MINIMAL + "  aws:s3UsEast1RegionalEndpoint: regional\n"
                + "  aws:tokenBucketRateLimiterCapacity: 10000\n");

        assertEquals("eu-west-1", settings.region());
        assertTrue(StackSettingsReader.AWS_KEYS.containsAll(List.of("region", "s3UsEast1RegionalEndpoint",
                "tokenBucketRateLimiterCapacity", "defaultTags", "assumeRole")), StackSettingsReader.AWS_KEYS.toString());
    }

    @Test
    void anInternalServiceNobodyCallsIsAWarningThatDoesNotBlock() {
        var settings = Stacks.parse(Stacks.MINIMAL + "    orders: {kind: internal, image: 'app:1', port: 3001}\n");

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.orders: is an internal service that no service names in "
                + "its calls, so nothing can reach it; name it in a caller's calls, or make it a worker"),
                settings.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void anUnknownKindIsReportedOnceWithoutErrorsWrittenForAnotherKind() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:services.jobs.kind: found 'batch'; allowed: one of web, internal, "
                        + "worker"),
                problems(Stacks.MINIMAL + "    jobs: {kind: batch, image: 'app:1', port: 9000, routing: {priority: 4}}\n"));
    }

    @Test
    void aKeyOfAnotherKindSaysWhichKindHasIt() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:services.jobs.port: is set with kind worker; allowed only with "
                        + "kind web or internal (a worker receives no traffic)"),
                problems(Stacks.MINIMAL + "    jobs: {kind: worker, image: 'app:1', port: 9000}\n"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "storage ceiling too close|  apphome:database: {engine: postgres, instanceClass: db.t4g.micro, allocatedStorageGb: 100, maxAllocatedStorageGb: 105}|Pulumi.test.yaml: apphome:database.maxAllocatedStorageGb: found 105 with allocatedStorageGb 100; allowed: at least 110 (RDS refuses an autoscaling ceiling less than 10 % above the storage)",
            "public subnets too small|  apphome:network: {subnetPrefixes: {public: 28}}|Pulumi.test.yaml: apphome:network.subnetPrefixes.public: found 28; allowed: a whole number from 16 to 27",
            "cache patch version|  apphome:cache: {nodeType: cache.t4g.micro, engineVersion: '8.0.1'}|Pulumi.test.yaml: apphome:cache.engineVersion: found '8.0.1'; allowed: a major.minor version such as 8.0 or 7.1",
            "waf rate under its minimum|  apphome:loadBalancer: {plainHttp: true, rateLimitPer5Minutes: 50}|Pulumi.test.yaml: apphome:loadBalancer.rateLimitPer5Minutes: found 50; allowed: a whole number from 100 to 2000000000",
            "body paths without a limit|  apphome:loadBalancer: {plainHttp: true, blockBodiesOnPaths: [/api/]}|Pulumi.test.yaml: apphome:loadBalancer.blockBodiesOnPaths: is set without blockBodiesOverKb; allowed: set blockBodiesOverKb too, or remove the paths",
            "public image without nat|  apphome:network: {natGateways: none, interfaceEndpoints: true}|Pulumi.test.yaml: apphome:services.web.image: found 'nginx:1.27', an image in docker.io, outside ECR, which a network without NAT gateways cannot reach; allowed: an ECR image, or network.natGateways single, onePerAz or instance",
    })
    void refusesWhatAwsWouldRefuseOrWhatCouldNotWork(String label, String line, String expected) {
        var found = problems(Stacks.MINIMAL.replace("  apphome:loadBalancer:\n    plainHttp: true\n",
                line.contains("loadBalancer") ? "" : "  apphome:loadBalancer:\n    plainHttp: true\n") + line + "\n");

        assertTrue(found.contains(expected), () -> "expected " + expected + "\n in " + found);
    }

    @Test
    void queueScalingNeedsTheRunningTaskCountOfContainerInsights() {
        var found = problems(Stacks.MINIMAL + """
                    jobs: {kind: worker, image: 'app:1', minCount: 0, maxCount: 2, scaling: {queue: jobs},
                        uses: {queues: {jobs: consume}}}
                  apphome:queues: {jobs: {}}
                  apphome:cluster: {containerInsights: false}
                """);

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.jobs.scaling.queue: needs cluster.containerInsights: "
                + "true: the backlog per task is divided by the running-task count that Container Insights publishes; "
                + "allowed: containerInsights: true, or scaling on cpuPercent or memoryPercent"), found);
    }

    @Test
    void mysqlEightZeroIsAWarningAboutExtendedSupport() {
        var settings = Stacks.parse(Stacks.MINIMAL + "  apphome:database: {engine: mysql, instanceClass: db.t4g.micro}\n");

        assertEquals(List.of("Pulumi.test.yaml: apphome:database.engineVersion: is 8.0, which left RDS standard support "
                + "on 2026-07-31: RDS bills MySQL 8.0 instances for Extended Support; \"8.4\" is supported (for an "
                + "existing database, a major upgrade)"), settings.warnings().stream().map(Problem::toString).toList());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "cron with both days|cron(0 20 1 * MON *)|found 'cron(0 20 1 * MON *)', which sets both day-of-month and day-of-week; allowed: ? in one of them, e.g. cron(0 20 ? * MON-FRI *)",
            "cron with five fields|cron(0 20 * * ?)|found 'cron(0 20 * * ?)', with 5 fields; allowed: six — minutes hours day-of-month month day-of-week year",
            "rate with a plural of one|rate(1 hours)|found 'rate(1 hours)', whose unit must be singular for 1 and plural above; allowed: rate(1 hour) or rate(2 hours)"})
    void aScheduleAutoScalingWouldRefuseIsRefused(String label, String at, String expected) {
        var found = problems(Stacks.MINIMAL.replace("port: 8080", "port: 8080\n      maxCount: 3\n      scaling: {schedules: [{at: '"
                + at + "', minCount: 1, maxCount: 2}]}"));

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.web.scaling.schedules[0].at: " + expected), found);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "not a list|{resource: apphome-test-db-instance, reason: engine change}|Pulumi.test.yaml: apphome:allowReplace: expected a list of objects, found an object",
            "no reason|[{resource: apphome-test-db-instance}]|Pulumi.test.yaml: apphome:allowReplace[0].reason: is required; allowed: a sentence of at least 10 characters saying why losing or moving it is acceptable",
            "a reason too short to review|[{resource: apphome-test-db-instance, reason: ok}]|Pulumi.test.yaml: apphome:allowReplace[0].reason: found 'ok'; allowed: a sentence of at least 10 characters saying why losing or moving it is acceptable",
            "a misspelled key|[{resource: a, reason: moving to mysql 8.4, resons: x}]|Pulumi.test.yaml: apphome:allowReplace[0].resons: unknown key; did you mean 'reason'?; allowed keys here: resource, reason",
    })
    void anAnnouncementNeedsAResourceAndAReasonReviewersCanRead(String label, String value, String expected) {
        assertEquals(List.of(expected), problems(Stacks.MINIMAL + "  apphome:allowReplace: " + value + "\n"));
    }

    @Test
    void anAnnouncementIsReadWithItsReason() {
        var settings = Stacks.parse(Stacks.MINIMAL + """
                  apphome:allowReplace:
                    - resource: apphome-test-db-instance
                      reason: the database moves to MySQL 8.4 from a dump, restored on the new instance
                """);

        assertEquals(List.of(new dev.apphome.diff.ReplaceAllowance("apphome-test-db-instance",
                "the database moves to MySQL 8.4 from a dump, restored on the new instance")), settings.allowReplace());
        assertEquals(List.of(), Stacks.parse(Stacks.MINIMAL).allowReplace());
    }
}
