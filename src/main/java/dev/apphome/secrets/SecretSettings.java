package dev.apphome.secrets;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;

/**
 * An application secret kept in Secrets Manager ({@code secrets.<name>}).
 *
 * @param name               the secret's name; for {@code stack} secrets also its config key
 * @param source             generated, or set in the stack's encrypted config
 * @param recoveryWindowDays days a deleted secret can be restored
 */
public record SecretSettings(
        @Name(noun = "secret", pattern = "[a-z][a-zA-Z0-9]{1,39}", allowed = "2 to 40 letters and digits in camelCase "
                + "starting with a lowercase letter (it is also the config key)") String name,
        @Key(doc = "`generated`: drawn at the first deploy and kept; `stack`: set with "
                + "`pulumi config set --secret <name>`", dflt = "generated") SecretSource source,
        @Key(doc = "days a deleted secret can be restored", unit = "days", dflt = "7", min = 7, max = 30)
        int recoveryWindowDays) {

    public boolean fromStack() {
        return source instanceof SecretSource.Stack;
    }
}
