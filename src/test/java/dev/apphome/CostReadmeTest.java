package dev.apphome;

import com.google.gson.Gson;
import dev.apphome.cost.BadInputException;
import dev.apphome.cost.Estimate;
import dev.apphome.cost.Estimator;
import dev.apphome.cost.PreviewDocument;
import dev.apphome.cost.PriceTable;
import dev.apphome.cost.Usage;
import dev.apphome.plan.PlanDocument;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README.md's cost section is bin/cost's estimate of the committed stacks, and its usage snippet is a valid usage file. */
class CostReadmeTest {

    private static String readme() throws IOException {
        return Files.readString(Stacks.ROOT.resolve("README.md"));
    }

    @Test
    void theCostSectionIsWhatBinCostGivesForTheCommittedStacks() throws IOException {
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        for (String stack : CostDocs.STACKS) {
            estimates.put(stack, CostDocs.estimate(Stacks.plan(stack), Stacks.ROOT, stack));
        }
        String readme = readme();

        assertEquals(CostDocs.withCosts(readme, estimates), readme,
                "README.md's cost section differs from bin/cost's estimate of the committed stacks; run bin/reference");
        assertTrue(readme.contains("| **fixed** | **$" + estimates.get("dev").fixed().setScale(2, java.math.RoundingMode.HALF_UP) + "** |"));
    }

    @Test
    void theUsageFileSnippetIsAUsageFileTheDevPlanAccepts() throws IOException, BadInputException {
        var m = Pattern.compile("### Usage files[\\s\\S]*?```yaml\\n([\\s\\S]*?)```").matcher(readme());
        assertTrue(m.find());
        Usage usage = Usage.parse(m.group(1), "README.md");
        var document = PreviewDocument.of(new Gson().toJsonTree(PlanDocument.toDocument(Stacks.plan("dev"))), "dev");

        Estimate e = Estimator.estimate(document, PriceTable.standard(), null, usage);
        // 20 GB out through the NAT instance at 0.09, 2 GB ingested into the api's log group at 0.57 and kept at 0.03
        assertEquals(0, new java.math.BigDecimal("3.00").compareTo(e.usageTotal()));
    }
}
