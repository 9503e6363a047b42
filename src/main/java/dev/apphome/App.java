package dev.apphome;

import com.pulumi.Pulumi;
import dev.apphome.config.ConfigSource;
import dev.apphome.runtime.FreshnessCheck;

/** Entry point the Pulumi language host starts: read and validate the stack's settings, then declare. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        FreshnessCheck.requireFreshBuild();
        Pulumi.run(ctx -> {
            var settings = AppStack.settings(ctx.projectName(), ctx.stackName(),
                    ConfigSource.fromEnvironment(ctx.stackName()));
            settings.warnings().forEach(w -> ctx.log().warn(w.toString()));
            AppStack.declare(ctx, settings, name -> ctx.config().requireSecret(name));
        });
    }
}
