package dev.apphome.plan;

import dev.apphome.cost.CostCommand;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/plan --cost prints, after the tree, the table bin/cost prints for the plan's --json document. */
class PlanCostTest {

    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** Exit status, stdout, stderr. */
    private static String[] run(Command command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[]{String.valueOf(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theCostTableFollowsTheTreeAndIsTheOneBinCostPrintsForTheDocument(@TempDir Path dir) {
        Path json = dir.resolve("dev.json");
        String[] plan = run(PlanCommand::run, Stacks.ROOT.resolve("Pulumi.dev.yaml").toString(), "--cost", "--json", json.toString());
        String[] cost = run(CostCommand::run, json.toString());

        assertEquals("0", plan[0], plan[2]);
        assertEquals("0", cost[0], cost[2]);
        String table = cost[1];
        assertTrue(table.startsWith("Monthly cost of stack dev in eu-west-1, USD\n"), table);
        int tree = plan[1].indexOf(" +   pulumi:pulumi:Stack ");
        int estimate = plan[1].indexOf(table);
        assertTrue(tree >= 0 && estimate > tree, plan[1]);
    }
}
