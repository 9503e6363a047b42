package dev.apphome.diff;

/** What happens to one resource between two plans. */
public enum Verdict {
    /** Nothing changes. */
    SAME,
    /** Inputs change in place. */
    UPDATE,
    /** A new resource takes the old one's place, and the old one is deleted. */
    REPLACE,
    /** The resource is no longer in the plan (a new URN counts as another resource). */
    DELETE,
    /** The resource is new. */
    CREATE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
