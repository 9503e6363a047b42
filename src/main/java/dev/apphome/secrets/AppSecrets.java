package dev.apphome.secrets;

import com.google.gson.GsonBuilder;
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
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.SecretReference;

import java.util.ArrayList;
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
 *
 * <p>A secret with keys is one JSON object. Its stack keys must follow the config when it changes,
 * so its version cannot ignore changes; each generated key is therefore drawn into a holder secret
 * of its own that does ignore them, and the JSON is built from the holders' kept values. One place
 * keeps each drawn value, as the cache's secret version keeps its AUTH token: the JSON can never
 * hold a value other than its holder's, as two resources that each ignored changes to the same
 * per-run draw would once either was replaced. Adding a generated key adds its holder; the other
 * keys keep their values.
 */
public final class AppSecrets extends ComponentResource {

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Map<String, SecretSettings> settings = new LinkedHashMap<>();
    private final Map<String, SecretVersion> versions = new LinkedHashMap<>();

    /**
     * @param stackValue reads a {@code stack} secret's value (or key's) from config by its config key, as a secret output
     */
    public AppSecrets(String name, List<SecretSettings> declared, Output<String> keyArn,
                      Function<String, Output<String>> stackValue, Protection protection,
                      ComponentResourceOptions options) {
        super("apphome:secrets:AppSecrets", name, options);
        for (var args : declared) {
            Rule.require(args);
            String secretName = Naming.child(name, args.name());
            var secret = new Secret(secretName, SecretArgs.builder()
                    .description(description(args))
                    .kmsKeyId(keyArn)
                    .recoveryWindowInDays(args.recoveryWindowDays())
                    .build(), protection.stateful(this));
            var version = SecretVersionArgs.builder().secretId(secret.id());
            var versionOptions = CustomResourceOptions.builder().parent(this);
            if (args.keyed()) {
                version.secretString(json(secretName, args, keyArn, stackValue, protection));
            } else if (args.source() instanceof SecretSource.Generated g) {
                version.secretString(generated(g.length(), false));
                versionOptions.ignoreChanges("secretString");
            } else {
                version.secretString(stackValue.apply(args.name()));
            }
            versions.put(args.name(), new SecretVersion(secretName, version.build(), versionOptions.build()));
            secrets.put(args.name(), secret);
            settings.put(args.name(), args);
        }
        registerOutputs(Map.of("names", Output.of(List.copyOf(secrets.keySet()))));
    }

    private static String description(SecretSettings args) {
        if (args.keyed()) {
            List<String> keys = new ArrayList<>();
            args.keys().forEach((key, source) -> keys.add(key + (source == KeySource.GENERATED
                    ? " (generated, " + args.generatedLength() + " characters)"
                    : " (set with pulumi config set --secret " + SecretSettings.configKey(args.name(), key) + ")")));
            return "JSON of " + String.join(", ", keys);
        }
        return args.source() instanceof SecretSource.Generated g
                ? "Generated at the first deploy; " + g.length() + " characters"
                : "Set with pulumi config set --secret " + args.name();
    }

    /** The secret's JSON: each generated key from its holder, each stack key from config, in declaration order. */
    private Output<String> json(String secretName, SecretSettings args, Output<String> keyArn,
                                Function<String, Output<String>> stackValue, Protection protection) {
        List<String> keys = List.copyOf(args.keys().keySet());
        List<Output<String>> values = new ArrayList<>();
        for (String key : keys) {
            if (args.keys().get(key) == KeySource.GENERATED) {
                String holderName = Naming.child(secretName, key);
                var holder = new Secret(holderName, SecretArgs.builder()
                        .description("Holds the generated " + key + " of " + args.name() + ", drawn at the first deploy "
                                + "and kept; services read it from " + args.name())
                        .kmsKeyId(keyArn)
                        .recoveryWindowInDays(args.recoveryWindowDays())
                        .build(), protection.stateful(this));
                var kept = new SecretVersion(holderName, SecretVersionArgs.builder()
                        .secretId(holder.id())
                        .secretString(generated(args.generatedLength(), false))
                        .build(), CustomResourceOptions.builder().parent(this).ignoreChanges("secretString").build());
                values.add(kept.secretString().applyValue(v -> v.orElseThrow()));
            } else {
                values.add(stackValue.apply(SecretSettings.configKey(args.name(), key)));
            }
        }
        return Output.all(values).applyValue(resolved -> {
            Map<String, String> object = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                object.put(keys.get(i), resolved.get(i));
            }
            return new GsonBuilder().disableHtmlEscaping().create().toJson(object);
        }).asSecret();
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
     * Injects the named secrets as the given variables: variable name to a secret's name, or to
     * {@code <secret>.<key>} for one key of a secret with keys (ECS reads {@code <arn>:<key>::}, the
     * key of the current version). Either way the execution role reads only that secret, and a task
     * waits for the secret's value to exist.
     */
    public Connection connection(Map<String, String> variables) {
        Map<String, Output<String>> valueFrom = new LinkedHashMap<>();
        Map<String, Output<String>> secretArns = new LinkedHashMap<>();
        java.util.SortedSet<String> used = new java.util.TreeSet<>();
        variables.forEach((variable, reference) -> {
            var parsed = SecretReference.parse(reference);
            String secretName = parsed.secret();
            used.add(secretName);
            Output<String> arn = arn(secretName);
            if (parsed.key().isEmpty()) {
                valueFrom.put(variable, arn);
            } else {
                String key = parsed.key().get();
                if (!settings.get(secretName).keys().containsKey(key)) {
                    throw new IllegalArgumentException("secret " + secretName + " has no key " + key);
                }
                valueFrom.put(variable, arn.applyValue(a -> a + ":" + key + "::"));
            }
            secretArns.put(variable, arn);
        });
        return new Connection(Map.of(), valueFrom, List.of(),
                used.stream().map(n -> (com.pulumi.resources.Resource) versions.get(n)).toList(), secretArns);
    }

    public Output<String> arn(String secretName) {
        Secret secret = secrets.get(secretName);
        if (secret == null) {
            throw new IllegalArgumentException("no secret named " + secretName);
        }
        return secret.arn();
    }
}
