package dev.apphome.config;

import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The committed stacks keep example values so that anyone can plan them; {@code pulumi up} refuses
 * them (App calls this when the engine is not previewing, which mocks cannot show).
 */
class PlaceholdersTest {

    @Test
    void prodsExampleValuesAreEachNamedWithTheKeyToChange() {
        assertEquals(List.of(
                        "Pulumi.prod.yaml: apphome:loadBalancer.domain: is the placeholder 'app.example.com'; set the domain "
                                + "your users will use",
                        "Pulumi.prod.yaml: apphome:loadBalancer.hostedZoneId: is the placeholder 'Z0123456789EXAMPLE'; set "
                                + "the Route 53 hosted zone of the domain",
                        "Pulumi.prod.yaml: apphome:services.api.image: names the example account 123456789012; set your "
                                + "image's repository",
                        "Pulumi.prod.yaml: apphome:services.catalog.image: names the example account 123456789012; set "
                                + "your image's repository",
                        "Pulumi.prod.yaml: apphome:services.worker.image: names the example account 123456789012; set your "
                                + "image's repository",
                        "Pulumi.prod.yaml: apphome:alerts.emails: holds the placeholder 'oncall@example.com'; set the "
                                + "address of whoever is on call"),
                Placeholders.in(Stacks.committed("prod"), "Pulumi.prod.yaml").stream().map(Problem::toString).toList());
    }

    @Test
    void realValuesPassAndPlaceholdersStopTheUpBeforeAnythingIsDeclared() {
        var real = Stacks.parse(Stacks.MINIMAL.replace("nginx:1.27", "210987654321.dkr.ecr.eu-west-1.amazonaws.com/web:1"));
        var example = Stacks.parse(Stacks.MINIMAL + "  apphome:alerts: {emails: [ops@team.example]}\n");

        assertEquals(List.of(), Placeholders.in(real, "Pulumi.test.yaml"));
        var e = assertThrows(InvalidSettingsException.class, () -> Placeholders.refuse(example, "Pulumi.test.yaml"));
        assertEquals("1 problem in the stack settings; nothing was declared (pulumi up refuses example values that would "
                + "deploy as if they were real (previews and bin/plan accept them)):\n  - Pulumi.test.yaml: "
                + "apphome:alerts.emails: holds the placeholder 'ops@team.example'; set the address of whoever is on call",
                e.getMessage());
    }
}
