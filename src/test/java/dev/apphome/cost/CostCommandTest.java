package dev.apphome.cost;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/cost's command: what it prints and writes, and the one sentence and exit 2 for bad input. */
class CostCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = CostCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TempDir
    static Path dir;
    private static Path dev;

    @BeforeAll
    static void writeDevPlan() throws Exception {
        dev = dir.resolve("dev.json");
        Files.writeString(dev, Costs.document("dev").toString());
    }

    @Test
    void writesTheEstimateAsJsonInTheDocumentedShape() throws Exception {
        Path json = dir.resolve("out/dev-cost.json");
        var run = run(dev.toString(), "--json", json.toString());

        assertEquals(0, run.status(), run.err());
        JsonObject estimate = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("USD", estimate.get("currency").getAsString());
        assertEquals("eu-west-1", estimate.get("region").getAsString());
        assertEquals("aws-list-prices-us-east-1-eu-west-1-sa-east-1-2026-10-04 (2026-10-04)", estimate.get("prices").getAsString());
        assertEquals(0, new BigDecimal("83.04552375").compareTo(estimate.getAsJsonObject("monthly").get("fixed").getAsBigDecimal()));
        assertEquals(0, estimate.getAsJsonObject("monthly").get("usage").getAsBigDecimal().signum());
        BigDecimal fixed = BigDecimal.ZERO;
        for (JsonElement r : estimate.getAsJsonArray("resources")) {
            assertEquals(Set.of("urn", "type", "monthly", "lines"), r.getAsJsonObject().keySet());
            for (JsonElement l : r.getAsJsonObject().getAsJsonArray("lines")) {
                JsonObject line = l.getAsJsonObject();
                assertTrue(line.keySet().containsAll(Set.of("item", "quantity", "unit", "unitPrice", "monthly", "usage")), line.toString());
                if (!line.get("usage").getAsBoolean()) {
                    fixed = fixed.add(line.get("monthly").getAsBigDecimal());
                }
            }
        }
        assertEquals(0, fixed.compareTo(new BigDecimal("83.04552375")), "monthly.fixed is the sum of the lines with usage false");
        JsonObject unpriced = estimate.getAsJsonArray("unpriced").get(0).getAsJsonObject();
        assertEquals(Set.of("urn", "type", "reason"), unpriced.keySet());
        assertTrue(run.out().contains("\nFixed monthly total: 83.05 USD\n"), run.out());
    }

    @Test
    void aUsageFileAddsTheUsageLinesUnderItsAssumptions() throws Exception {
        Path usage = dir.resolve("usage.yaml");
        Files.writeString(usage, """
                # 100 GB out through the NAT instance, half an LCU on average
                types:
                  aws:ec2/instance:Instance: {internetOutGb: 100}
                  aws:lb/loadBalancer:LoadBalancer: {lcu: 0.5}
                """);
        Path json = dir.resolve("usage-cost.json");
        var run = run(dev.toString(), "--usage", usage.toString(), "--json", json.toString());

        assertEquals(0, run.status(), run.err());
        // 100 × 0.09 (data out; a NAT instance has no per-GB processing charge) + 0.5 × 730 × 0.008 = 9 + 2.92
        JsonObject monthly = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("monthly");
        assertEquals(0, new BigDecimal("11.92").compareTo(monthly.get("usage").getAsBigDecimal()));
        assertTrue(run.out().contains("\nUsage monthly total: 11.92 USD\nFixed and usage: 94.97 USD\n"), run.out());
    }

    @Test
    void badInputGetsOneSentenceAndExitTwo() throws Exception {
        var missing = run(dir.resolve("nothere.json").toString());
        assertEquals(2, missing.status());
        assertEquals("bin/cost: There is no preview document " + dir.resolve("nothere.json") + ".\n", missing.err());

        Path notAPreview = dir.resolve("stack.json");
        Files.writeString(notAPreview, "{\"deployment\": {}}");
        var wrong = run(notAPreview.toString());
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().startsWith("bin/cost: " + notAPreview + " is not a pulumi preview --json document: it has no \"steps\" list."));
        assertEquals("", wrong.out());

        Path usage = dir.resolve("bad-usage.yaml");
        Files.writeString(usage, """
                types:
                  aws:ec2/vpc:Vpc: {gb: 1}
                resources:
                  nope: {lcu: 1}
                  apphome-dev-nat-instance: {lcu: 2, internetOutGb: -1}
                """);
        var bad = run(dev.toString(), "--usage", usage.toString());
        assertEquals(2, bad.status());
        assertEquals("bin/cost: " + usage + ": resources.apphome-dev-nat-instance.internetOutGb must be a number of 0 or more, not -1.\n",
                bad.err());
        Files.writeString(usage, """
                types:
                  aws:ec2/vpc:Vpc: {gb: 1}
                resources:
                  nope: {lcu: 1}
                  apphome-dev-nat-instance: {lcu: 2}
                """);
        var unknown = run(dev.toString(), "--usage", usage.toString());
        assertEquals("bin/cost: " + usage + ": types.aws:ec2/vpc:Vpc: resources of this type have no usage-priced lines; "
                + "resources.nope: the document has no resource with this name or URN; resources.apphome-dev-nat-instance.lcu is not a "
                + "usage quantity of it (allowed: internetOutGb).\n", unknown.err());
    }

    @Test
    void compareWritesTheFixedDeltaAndTheLinesThatChangedAsMarkdown() throws Exception {
        JsonObject head = Costs.document("dev");
        for (JsonElement step : head.getAsJsonArray("steps")) {
            JsonObject state = step.getAsJsonObject().getAsJsonObject("newState");
            if (state.get("urn").getAsString().endsWith("::apphome-dev-api-service")) {
                state.getAsJsonObject("inputs").addProperty("desiredCount", 2);
            }
        }
        Path headFile = dir.resolve("head.json");
        Files.writeString(headFile, head.toString());
        Path markdown = dir.resolve("comment.md");
        var run = run(headFile.toString(), "--compare", dev.toString(), "--markdown", markdown.toString());

        assertEquals(0, run.status(), run.err());
        // a second api task: 0.5 on demand and 1.5 on Spot instead of 0.25 and 0.75, + 4.27975 a month
        assertEquals("""
                #### dev

                Fixed monthly estimate: **$83.05** on the base, **$87.33** with this change: **+$4.28** (eu-west-1, USD, prices \
                aws-list-prices-us-east-1-eu-west-1-sa-east-1-2026-10-04 (2026-10-04)).

                | resource | line | base | head | change |
                |---|---|---:|---:|---:|
                | `apphome-dev-api-service` | Fargate x86_64 vCPU, on demand: 0.5 tasks × 0.25 vCPU | $1.85 | $3.69 | +$1.85 |
                | `apphome-dev-api-service` | Fargate x86_64 memory, on demand: 0.5 tasks × 0.5 GB | $0.41 | $0.81 | +$0.41 |
                | `apphome-dev-api-service` | Fargate x86_64 vCPU, Spot: 1.5 tasks × 0.25 vCPU | $1.66 | $3.32 | +$1.66 |
                | `apphome-dev-api-service` | Fargate x86_64 memory, Spot: 1.5 tasks × 0.5 GB | $0.37 | $0.73 | +$0.37 |
                """, Files.readString(markdown));
        assertTrue(run.out().contains("\nFixed monthly estimate of dev: 83.05 → 87.33 USD (+$4.28)\n"), run.out());
    }

    @Test
    void linesOnOneSideOnlyAndNewlyUnpricedResourcesAreShown() {
        String nat = "aws:ec2/natGateway:NatGateway";
        var base = Costs.of(Costs.steps("eu-west-1", Costs.state(nat, "a", "{}"), Costs.state("aws:ec2/eip:Eip", "spare", "{}")));
        var head = Costs.of(Costs.steps("eu-west-1", Costs.state(nat, "a", "{}"), Costs.state(nat, "b", "{}"),
                Costs.state("aws:route53/zone:Zone", "zone", "{}")));

        assertEquals(List.of(
                new EstimateDiff.Change("b", nat, "NAT gateway", null, new BigDecimal("35.04")),
                new EstimateDiff.Change("b", nat, "public IPv4 address", null, new BigDecimal("3.65")),
                new EstimateDiff.Change("spare", "aws:ec2/eip:Eip", "public IPv4 address", new BigDecimal("3.65"), null)),
                EstimateDiff.changes(base, head));
        assertTrue(EstimateDiff.markdown(base, head).endsWith("""
                | `b` | NAT gateway | — | $35.04 | +$35.04 |
                | `b` | public IPv4 address | — | $3.65 | +$3.65 |
                | `spare` | public IPv4 address | $3.65 | — | −$3.65 |

                Newly unpriced (not in the figures):

                - `zone` (aws:route53/zone:Zone): a hosted zone has a monthly charge; the price table has no Route 53 prices
                """), EstimateDiff.markdown(base, head));
    }
}
