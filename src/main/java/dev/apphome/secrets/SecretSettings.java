package dev.apphome.secrets;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An application secret kept in Secrets Manager ({@code secrets.<name>}): one value, or a JSON
 * object of named keys, each generated or set in the stack's encrypted config.
 *
 * @param name               the secret's name; for a {@code stack} secret also its config key
 * @param source             generated, or set in the stack's encrypted config (a secret without keys)
 * @param recoveryWindowDays days a deleted secret can be restored
 * @param keys               key name to where its value comes from; empty for a secret with one value
 */
public record SecretSettings(
        @Name(noun = "secret", pattern = "[a-z][a-zA-Z0-9]{1,39}", allowed = "2 to 40 letters and digits in camelCase "
                + "starting with a lowercase letter (it is also the config key)") String name,
        @Key(doc = "`generated`: drawn at the first deploy and kept; `stack`: set with "
                + "`pulumi config set --secret <name>` (a secret without keys)", dflt = "generated") SecretSource source,
        @Key(doc = "days a deleted secret can be restored", unit = "days", dflt = "7", min = 7, max = 30)
        int recoveryWindowDays,
        @Key(doc = "a JSON secret of named keys: `generated` (drawn once, `length` characters) or `stack` (set with "
                + "`pulumi config set --secret <name>_<key>`); a service injects one as `<name>.<key>`", entry = "key")
        Map<String, KeySource> keys) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");

    public SecretSettings {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public static final List<Rule<SecretSettings>> RULES = List.of(
            Rule.each(s -> {
                List<Rule.Violation> found = new ArrayList<>();
                s.keys.keySet().forEach(k -> {
                    if (!KEY.matcher(k).matches()) {
                        found.add(new Rule.Violation("keys." + k, "key name '" + k + "' is not allowed; allowed: 1 to 40 "
                                + "letters and digits in camelCase starting with a lowercase letter (services name it as "
                                + s.name + ".<key>)"));
                    }
                });
                return found;
            }),
            Rule.of("source", s -> s.keys.isEmpty() || s.source instanceof SecretSource.Generated,
                    s -> "is stack, but the secret has keys, each with its own source; allowed: no source (write "
                            + "generated or stack for each key under keys)"));

    /** Whether this is a secret with one value set in the stack's config. */
    public boolean fromStack() {
        return keys.isEmpty() && source instanceof SecretSource.Stack;
    }

    /** Whether this is a JSON secret of named keys. */
    public boolean keyed() {
        return !keys.isEmpty();
    }

    /** The config key (without the namespace) that holds key {@code key} of secret {@code secret}. */
    public static String configKey(String secret, String key) {
        return secret + "_" + key;
    }

    /**
     * The config keys (without the namespace) this secret reads from the stack's encrypted config,
     * each to where the stack file declares it: the secret itself, or one of its keys.
     */
    public Map<String, String> stackValues() {
        Map<String, String> values = new LinkedHashMap<>();
        if (fromStack()) {
            values.put(name, "secrets." + name);
        }
        keys.forEach((key, source) -> {
            if (source == KeySource.STACK) {
                values.put(configKey(name, key), "secrets." + name + ".keys." + key);
            }
        });
        return values;
    }

    /** Length of each generated value (a secret with keys always has the generated source's length). */
    public int generatedLength() {
        if (source instanceof SecretSource.Generated g) {
            return g.length();
        }
        throw new IllegalStateException("secret " + name + " is set in the stack, not generated");
    }
}
