package dev.apphome.config;

/**
 * One thing wrong with a stack file: where it is, what was found and what is allowed.
 *
 * @param file    the stack file, e.g. {@code Pulumi.dev.yaml}
 * @param keyPath the dotted key path, e.g. {@code apphome:services.api.cpu}
 * @param message what was found and what is allowed instead
 */
public record Problem(String file, String keyPath, String message) {

    @Override
    public String toString() {
        return file + ": " + keyPath + ": " + message;
    }
}
