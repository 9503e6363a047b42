package dev.apphome;

import com.pulumi.Pulumi;
import com.pulumi.deployment.Deployment;
import dev.apphome.config.ConfigSource;
import dev.apphome.config.Placeholders;
import dev.apphome.runtime.FreshnessCheck;
import dev.apphome.service.ImageSource;

/** Entry point the Pulumi language host starts: read and validate the stack's settings, then declare. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        FreshnessCheck.requireFreshBuild();
        Pulumi.run(ctx -> {
            var source = ConfigSource.fromEnvironment(ctx.stackName());
            var settings = AppStack.settings(ctx.projectName(), ctx.stackName(), source);
            if (!Deployment.getInstance().isDryRun()) {
                Placeholders.refuse(settings, source.file());
            }
            settings.warnings().forEach(w -> ctx.log().warn(w.toString()));
            settings.services().forEach(s -> ctx.log().info(s.name() + " pulls its image from "
                    + ImageSource.describe(s, settings.region())));
            AppStack.declare(ctx, settings, name -> ctx.config().requireSecret(name));
        });
    }
}
