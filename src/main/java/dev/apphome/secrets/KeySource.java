package dev.apphome.secrets;

/** Where one key of a secret with several keys gets its value. */
public enum KeySource {
    /** Drawn by Secrets Manager at the first deploy and kept. */
    GENERATED,
    /** Set in the stack's encrypted config, as {@code <secret>_<key>}. */
    STACK
}
