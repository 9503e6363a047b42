package dev.apphome.diff;

import java.util.List;

/**
 * What happens to one resource, and why.
 *
 * @param urn           the resource's URN (the old one for a deletion)
 * @param type          its type token
 * @param custom        false for components and the stack
 * @param verdict       same, update, replace, delete or create
 * @param changed       the input paths that change (nested blocks dotted, list positions left out)
 * @param forcing       for a replacement or deletion, what forces it
 * @param stateful      why losing it loses data, or null when it holds none
 * @param wasProtected  whether the resource carried Pulumi's protect option before
 * @param createdInstead for a deletion, a resource of the same type the plan creates (a rename?), or null
 * @param unknownType   whether the table does not know the type, so that an update cannot be told from a replacement
 */
public record Change(String urn, String type, boolean custom, Verdict verdict, List<String> changed,
                     List<Forcing> forcing, String stateful, boolean wasProtected, String createdInstead,
                     boolean unknownType) {

    public Change {
        changed = List.copyOf(changed);
        forcing = List.copyOf(forcing);
    }

    /** The logical name. */
    public String name() {
        return PreviewDocument.nameOf(urn);
    }

    /** Whether it loses or moves data: a stateful resource replaced or deleted. */
    public boolean losesData() {
        return stateful != null && (verdict == Verdict.REPLACE || verdict == Verdict.DELETE);
    }

    /** The inputs that force it, in order. */
    public List<String> forcingInputs() {
        return forcing.stream().map(Forcing::input).toList();
    }

    /**
     * One input that forces a replacement (or, for a deletion, the URN).
     *
     * @param input  the input path, or {@link #URN} for a resource whose URN is gone
     * @param before its old value, shortened, or null
     * @param after  its new value, shortened, or null
     * @param why    the fact that makes it force a replacement
     * @param from   the URN of a replaced resource the new value comes from, or null
     * @param avoid  how to avoid it
     */
    public record Forcing(String input, String before, String after, String why, String from, String avoid) {

        /** What a deletion is forced by: the resource's URN is no longer planned. */
        public static final String URN = "URN";
    }
}
