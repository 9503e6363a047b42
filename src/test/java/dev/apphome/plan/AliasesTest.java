package dev.apphome.plan;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.config.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A renamed or re-parented resource carries the URN it had as an alias: the plan records it (as a
 * real engine's state does), so that bin/diff sees the same resource and not a deletion. URNs are
 * spelled as the mock engine spells them, with the stack's type leading its children's.
 */
class AliasesTest {

    @Test
    void aliasesReachThePlanAsTheUrnsTheyStandFor() {
        var plan = PlanRunner.runProgram("apphome", "test", new ConfigSource("Pulumi.test.yaml",
                Map.of("aws:region", "eu-west-1"), Set.of()), false, new PlanMocks("eu-west-1", false), ctx -> {
                    var component = new ComponentResource("apphome:messaging:Queue", "jobs-renamed",
                            ComponentResourceOptions.builder().aliases(Alias.builder().name(Output.of("jobs")).build()).build());
                    new Queue("jobs-renamed-queue", QueueArgs.builder().build(), CustomResourceOptions.builder()
                            .parent(component)
                            .aliases(Alias.builder().name(Output.of("jobs-queue")).build(), Alias.noParent())
                            .build());
                });

        assertEquals(List.of("urn:pulumi:test::apphome::pulumi:pulumi:Stack$apphome:messaging:Queue::jobs"),
                plan.named("jobs-renamed").aliases());
        var queue = plan.named("jobs-renamed-queue");
        assertEquals(List.of(
                "urn:pulumi:test::apphome::pulumi:pulumi:Stack$apphome:messaging:Queue$aws:sqs/queue:Queue::jobs-queue",
                "urn:pulumi:test::apphome::aws:sqs/queue:Queue::jobs-renamed-queue"), queue.aliases());
        var document = dev.apphome.support.Json.parse(PlanDocument.toJson(plan));
        var states = dev.apphome.support.Plans.list(dev.apphome.support.Plans.map(document).get("steps")).stream()
                .map(s -> dev.apphome.support.Plans.map(dev.apphome.support.Plans.map(s).get("newState"))).toList();
        assertEquals(List.of("urn:pulumi:test::apphome::pulumi:pulumi:Stack$apphome:messaging:Queue::jobs"), states.stream()
                .filter(s -> s.get("urn").toString().endsWith("::jobs-renamed")).findFirst().orElseThrow().get("aliases"));
        assertEquals(false, states.stream().filter(s -> s.get("type").equals("pulumi:pulumi:Stack")).findFirst()
                .orElseThrow().containsKey("aliases"), "a resource without aliases has no aliases key");
    }
}
