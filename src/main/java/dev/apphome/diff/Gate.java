package dev.apphome.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refusal: a stateful resource replaced or deleted passes only when the stack file announces it
 * ({@code allowReplace}). Everything else passes.
 *
 * @param refused   the replacements and deletions of stateful resources nobody announced
 * @param announced the announced ones, each with its announcement
 * @param unused    announcements that match nothing this change does
 */
public record Gate(List<Change> refused, Map<Change, ReplaceAllowance> announced, List<ReplaceAllowance> unused) {

    public Gate {
        refused = List.copyOf(refused);
        announced = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(announced));
        unused = List.copyOf(unused);
    }

    /** Judges the changes against the stack file's announcements. */
    public static Gate judge(List<Change> changes, List<ReplaceAllowance> allowances) {
        List<Change> refused = new ArrayList<>();
        Map<Change, ReplaceAllowance> announced = new LinkedHashMap<>();
        List<ReplaceAllowance> unused = new ArrayList<>(allowances);
        for (Change change : changes) {
            if (!change.losesData()) {
                continue;
            }
            var allowance = allowances.stream().filter(a -> a.names(change.urn())).findFirst();
            if (allowance.isPresent()) {
                announced.put(change, allowance.get());
                unused.remove(allowance.get());
            } else {
                refused.add(change);
            }
        }
        return new Gate(refused, announced, unused);
    }

    /** Whether the change may go ahead. */
    public boolean passes() {
        return refused.isEmpty();
    }
}
