package dev.apphome.examples;

import dev.apphome.ExampleDocs;
import dev.apphome.ExampleDocs.Example;
import dev.apphome.cost.Estimate;
import dev.apphome.cost.Line;
import dev.apphome.support.Examples;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example stacks as a set: one production and one smaller stack per system, each planned (its
 * document left for the policy pack's tests), priced, and shown in README.md's example table.
 */
class ExamplesTest {

    @Test
    void eachOfTheFourSystemsHasAProductionAndASmallerStackAndAReadme() throws IOException {
        List<String> files = Examples.all().stream().map(e -> e.system() + "/" + e.file().getFileName()).toList();

        assertEquals(List.of("commerce-link-hub/Pulumi.prod.yaml", "commerce-link-hub/Pulumi.dev.yaml",
                "social-analytics/Pulumi.prod.yaml", "social-analytics/Pulumi.staging.yaml",
                "wallet-service/Pulumi.prod.yaml", "wallet-service/Pulumi.staging.yaml",
                "wellness-platform/Pulumi.prod.yaml", "wellness-platform/Pulumi.dev.yaml"), files);
        for (Example e : Examples.all()) {
            String readme = Files.readString(e.file().resolveSibling("README.md"));
            assertTrue(readme.contains("## What the program does not do"), e.system());
            assertTrue(readme.contains("pulumi stack init " + e.stack()), e.system() + " says how to start " + e.stack());
        }
    }

    @Test
    void theReadmeTableIsWhatBinPlanAndBinCostGiveForEveryExample() throws IOException {
        var rows = ExampleDocs.rows(Stacks.ROOT, Examples.plans());
        String readme = Files.readString(Stacks.ROOT.resolve("README.md"));

        assertEquals(ExampleDocs.withExamples(readme, rows), readme,
                "README.md's example table differs from bin/plan and bin/cost over examples/; run bin/reference");
        assertEquals(8, rows.size());
    }

    @Test
    void aCacheT3MediumIsPricedInUsEast1AtItsListPrice() {
        Estimate social = ExampleDocs.estimate(Examples.plan("social-analytics", "prod"), "prod");

        List<Line> cache = social.resources().stream().filter(p -> p.resource().name().equals("apphome-prod-cache-group"))
                .flatMap(p -> p.lines().stream()).toList();
        // 3 nodes × 730 h × $0.068 (Redis OSS, us-east-1, PL-2610)
        assertEquals(1, cache.size());
        assertEquals(0, new BigDecimal("148.92").compareTo(cache.get(0).monthly()), cache.get(0).toString());
    }
}
