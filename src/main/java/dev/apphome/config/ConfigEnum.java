package dev.apphome.config;

/** An enum whose constants are spelled in stack files by {@link #configValue()}. */
public interface ConfigEnum {

    /** The spelling used in stack files, e.g. {@code onePerAz}. */
    String configValue();
}
