package dev.apphome.plan;

import dev.apphome.AppStack;
import dev.apphome.config.StackFile;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same stack file always gives the same plan document, byte for byte, so plans can be diffed. */
class PlanDeterminismTest {

    @Test
    void twoRunsOfTheSameStackWriteIdenticalDocuments() {
        var source = StackFile.load(Stacks.ROOT.resolve("Pulumi.prod.yaml"));
        var settings = AppStack.settings("apphome", "prod", source);

        String first = PlanDocument.toJson(PlanRunner.run(settings, source, false));
        String second = PlanDocument.toJson(PlanRunner.run(settings, source, false));

        assertEquals(first, second);
    }
}
