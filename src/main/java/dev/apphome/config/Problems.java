package dev.apphome.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one stack file so that they can be reported together. */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(String keyPath, String message) {
        found.add(new Problem(file, keyPath, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> all() {
        return List.copyOf(found);
    }

    /** Throws {@link InvalidSettingsException} listing everything found so far, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidSettingsException(found);
        }
    }
}
