package dev.apphome;

import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/aws-behaviour.md says, per resource type, what AWS does at deploy and run time that the
 * mock engine cannot show. Every type that a committed or variant stack plans has a row there, so
 * a new component cannot land without its audit.
 */
class AwsBehaviourDocTest {

    private static List<String> rows() throws IOException {
        return Files.readAllLines(Stacks.ROOT.resolve("docs/aws-behaviour.md")).stream()
                .filter(l -> l.startsWith("| ")).toList();
    }

    /**
     * A row covers {@code aws:rds/proxy:Proxy} when it names {@code rds/proxy}, or names the member
     * in backticks ({@code `proxyTarget`}) in a row about that module ({@code rds/…}).
     */
    static boolean covered(String type, List<String> rows) {
        String[] moduleMember = type.split(":")[1].split("/");
        String qualified = moduleMember[0] + "/" + moduleMember[1];
        return rows.stream().anyMatch(r -> r.contains(qualified)
                || (r.contains("`" + moduleMember[1] + "`") && r.contains(moduleMember[0] + "/")));
    }

    @ParameterizedTest
    @MethodSource("dev.apphome.support.Stacks#all")
    void everyTypeThePlanCreatesHasARow(String stack) throws IOException {
        var rows = rows();
        Set<String> missing = new TreeSet<>();
        for (PlannedResource r : Stacks.anyPlan(stack).resources()) {
            if (r.custom() && !r.type().startsWith("pulumi:providers:") && !covered(r.type(), rows)) {
                missing.add(r.type());
            }
        }

        assertEquals(Set.of(), missing, "types of stack " + stack + " without a row in docs/aws-behaviour.md");
    }

    @Test
    void aRowCoversItsModulesMembersOnly() {
        var rows = List.of("| `ec2/networkAcl`, `networkAclRule` (isolated tier) | ok |");

        assertTrue(covered("aws:ec2/networkAcl:NetworkAcl", rows));
        assertTrue(covered("aws:ec2/networkAclRule:NetworkAclRule", rows));
        assertFalse(covered("aws:ec2/networkAclAssociation:NetworkAclAssociation", rows));
        assertFalse(covered("aws:rds/networkAclRule:NetworkAclRule", rows), "another module's member of that name");
    }
}
