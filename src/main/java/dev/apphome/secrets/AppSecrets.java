package dev.apphome.secrets;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.common.Protection;
import dev.apphome.wiring.Connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The application's secrets in Secrets Manager, encrypted with the stack's key. A generated value
 * is drawn once, at the first deploy, and kept: later runs draw a new random value but ignore the
 * difference, so the secret never changes under a running service. A stack value comes from the
 * stack file's encrypted config. Values reach containers only through the task definition's
 * {@code secrets}, never as plain environment variables.
 */
public final class AppSecrets extends ComponentResource {

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Map<String, SecretVersion> versions = new LinkedHashMap<>();

    /**
     * @param stackValue reads a {@code stack} secret's value from config, as a secret output
     */
    public AppSecrets(String name, List<SecretSettings> declared, Output<String> keyArn,
                      Function<String, Output<String>> stackValue, Protection protection,
                      ComponentResourceOptions options) {
        super("apphome:secrets:AppSecrets", name, options);
        for (var args : declared) {
            String secretName = Naming.child(name, args.name());
            var secret = new Secret(secretName, SecretArgs.builder()
                    .description(args.source() instanceof SecretSource.Generated g
                            ? "Generated at the first deploy; " + g.length() + " characters"
                            : "Set with pulumi config set --secret " + args.name())
                    .kmsKeyId(keyArn)
                    .recoveryWindowInDays(args.recoveryWindowDays())
                    .build(), protection.stateful(this));
            var version = SecretVersionArgs.builder().secretId(secret.id());
            var versionOptions = CustomResourceOptions.builder().parent(this);
            if (args.source() instanceof SecretSource.Generated g) {
                version.secretString(generated(g.length(), false));
                versionOptions.ignoreChanges("secretString");
            } else {
                version.secretString(stackValue.apply(args.name()));
            }
            versions.put(args.name(), new SecretVersion(secretName, version.build(), versionOptions.build()));
            secrets.put(args.name(), secret);
        }
        registerOutputs(Map.of("names", Output.of(List.copyOf(secrets.keySet()))));
    }

    /**
     * A random value from Secrets Manager, marked secret. Drawn on every run: whatever stores it
     * must ignore changes to it.
     */
    public static Output<String> generated(int length, boolean lettersAndDigitsOnly) {
        return SecretsmanagerFunctions.getRandomPassword(GetRandomPasswordArgs.builder()
                        .passwordLength(length)
                        .excludePunctuation(lettersAndDigitsOnly)
                        .requireEachIncludedType(true)
                        .build())
                .applyValue(r -> r.randomPassword())
                .asSecret();
    }

    /**
     * Injects the named secrets as the given variables (variable name to secret name); a task
     * waits for their values to exist.
     */
    public Connection connection(Map<String, String> variables) {
        Map<String, Output<String>> secretArns = new LinkedHashMap<>();
        variables.forEach((variable, secretName) -> secretArns.put(variable, arn(secretName)));
        return new Connection(Map.of(), secretArns, List.of(),
                variables.values().stream().distinct().sorted().map(n -> (com.pulumi.resources.Resource) versions.get(n)).toList());
    }

    public Output<String> arn(String secretName) {
        Secret secret = secrets.get(secretName);
        if (secret == null) {
            throw new IllegalArgumentException("no secret named " + secretName);
        }
        return secret.arn();
    }
}
