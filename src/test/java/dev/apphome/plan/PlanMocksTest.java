package dev.apphome.plan;

import com.pulumi.test.Mocks;
import dev.apphome.AppStack;
import dev.apphome.config.StackFile;
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
        var source = StackFile.load(Stacks.ROOT.resolve("Pulumi.prod.yaml"));
        var settings = AppStack.settings("apphome", "prod", source);
        var mocks = spy(new PlanMocks("eu-west-1", false));

        PlanRunner.run(settings, source, false, mocks);

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
