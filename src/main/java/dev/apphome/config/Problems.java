package dev.apphome.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one stack file so that they can be reported together, and the
 * warnings: what is allowed but probably not meant, which never block.
 */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void add(String keyPath, String message) {
        found.add(new Problem(file, keyPath, message));
    }

    public void warn(String keyPath, String message) {
        warnings.add(new Problem(file, keyPath, message));
    }

    public List<Problem> all() {
        return List.copyOf(found);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws {@link InvalidSettingsException} listing everything found so far, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidSettingsException(found);
        }
    }
}
