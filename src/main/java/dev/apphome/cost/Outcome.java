package dev.apphome.cost;

import java.util.List;

/** What pricing one resource gave: lines, free, or unpriced with a reason. */
sealed interface Outcome {

    /** The resource costs money as these lines say (some may be usage lines). */
    record Priced(List<Line> lines) implements Outcome {
        public Priced {
            lines = List.copyOf(lines);
        }
    }

    /** The resource itself costs nothing; {@code reason} says why (or where its cost is counted). */
    record Free(String reason) implements Outcome {
    }

    /** The resource may cost money but cannot be priced from the table and the document; never counted as zero. */
    record Unpriced(String reason) implements Outcome {
    }

    static Outcome lines(Line... lines) {
        return new Priced(List.of(lines));
    }

    static Outcome lines(List<Line> lines) {
        return new Priced(lines);
    }

    static Outcome free(String reason) {
        return new Free(reason);
    }
}
