package dev.apphome.plan;

import com.pulumi.test.Mocks;
import dev.apphome.config.StackSettingsParser;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

/** The data sources the program asks AWS about, observed through a spy on the recording mocks. */
class PlanMocksTest {

    @Test
    void theProgramCallsOnlyTheDataSourcesTheMocksAnswer() {
        var source = dev.apphome.plan.StackFile.load(Stacks.ROOT.resolve("Pulumi.prod.yaml"));
        var settings = StackSettingsParser.parse("apphome", "prod", source);
        var mocks = spy(new PlanMocks("eu-west-1", false));
        var monitor = new RecordingMonitor(mocks, com.pulumi.test.internal.PulumiTestInternal.mockLog());
        try {
            var test = com.pulumi.test.internal.PulumiTestInternal.builder()
                    .options(com.pulumi.test.TestOptions.builder().projectName("apphome").stackName("prod").build())
                    .mocks(mocks)
                    .config(source.values(), source.secretKeys())
                    .monitorDecorator(ignored -> monitor)
                    .build();
            var result = test.runTest(ctx -> dev.apphome.AppStack.declare(ctx, settings, ctx.config()::requireSecret));
            assertEquals(0, result.exitCode());
        } finally {
            com.pulumi.test.internal.PulumiTestInternal.cleanup();
        }

        ArgumentCaptor<Mocks.CallArgs> calls = ArgumentCaptor.forClass(Mocks.CallArgs.class);
        verify(mocks, atLeastOnce()).callAsync(calls.capture());
        assertEquals(List.of("aws:index/getAvailabilityZones:getAvailabilityZones",
                        "aws:index/getCallerIdentity:getCallerIdentity",
                        "aws:secretsmanager/getRandomPassword:getRandomPassword"),
                calls.getAllValues().stream().map(c -> c.token).distinct().sorted().toList());
        assertEquals(2, calls.getAllValues().stream()
                .filter(c -> c.token.equals("aws:secretsmanager/getRandomPassword:getRandomPassword")).count(),
                "one draw for the JWT key, one for the cache AUTH token");
    }
}
