package dev.apphome.secrets;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

/** Where a secret's value comes from. */
@Choice
public sealed interface SecretSource {

    /**
     * Drawn by Secrets Manager at the first deploy and never changed by later runs.
     *
     * @param length length of the value
     */
    @Variant("generated")
    record Generated(@Key(doc = "length of a generated value", dflt = "64", min = 16, max = 4096,
            onlyBecause = "a stack secret's value is whatever was set") int length) implements SecretSource {
    }

    /** Set by a person with {@code pulumi config set --secret <name> …}; held encrypted in the stack file. */
    @Variant("stack")
    record Stack() implements SecretSource {
    }
}
