package dev.apphome.wiring;

import java.util.Optional;

/**
 * How a stack file names a secret to inject into a variable: {@code <secret>} for a secret with one
 * value, or {@code <secret>.<key>} for one key of a secret with keys. One reading of that form for
 * the settings' checks, the secrets' connection and a function's variables.
 */
public record SecretReference(String secret, Optional<String> key) {

    public static SecretReference parse(String reference) {
        int dot = reference.indexOf('.');
        return dot < 0 ? new SecretReference(reference, Optional.empty())
                : new SecretReference(reference.substring(0, dot), Optional.of(reference.substring(dot + 1)));
    }
}
