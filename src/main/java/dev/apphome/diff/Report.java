package dev.apphome.diff;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** bin/diff's output: every change in one line each, then the verdict with what forces it and what to do. */
public final class Report {

    private Report() {
    }

    /**
     * @param stackFile the stack file the announcements were read from, or null when none was read
     * @param all       whether to list unchanged resources too
     */
    public static String text(String title, List<Change> changes, Gate gate, String stackFile, boolean all) {
        StringBuilder out = new StringBuilder(title).append("\n");
        out.append(stackFile == null ? "No stack file read: no replacement is announced (pass --stack).\n"
                : "Announcements read from " + stackFile + ".\n");
        out.append("\n");
        int typeWidth = changes.stream().mapToInt(c -> c.type().length()).max().orElse(10);
        int nameWidth = changes.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        if (!all && changes.stream().allMatch(c -> c.verdict() == Verdict.SAME)) {
            out.append("  (nothing changes)\n");
        }
        for (Change c : changes) {
            counts.merge(c.verdict(), 1, Integer::sum);
            if (c.verdict() == Verdict.SAME && !all) {
                continue;
            }
            out.append(String.format("  %-8s %-" + typeWidth + "s  %-" + nameWidth + "s  %s%n", c.verdict().label(),
                    c.type(), c.name(), detail(c)).stripTrailing()).append("\n");
        }
        out.append(String.format("%n%s%n", java.util.Arrays.stream(Verdict.values())
                .map(v -> counts.getOrDefault(v, 0) + " " + v.label()).collect(Collectors.joining(", "))));
        List<Change> unknown = changes.stream().filter(Change::unknownType).toList();
        if (!unknown.isEmpty()) {
            out.append("\nNot in the replace-forcing table, so an update cannot be told from a replacement: ")
                    .append(unknown.stream().map(Change::type).distinct().sorted().collect(Collectors.joining(", ")))
                    .append(".\n");
        }
        gate.announced().forEach((c, a) -> out.append("\nAnnounced: ").append(c.name()).append(" (").append(c.type())
                .append(") is ").append(c.verdict() == Verdict.REPLACE ? "replaced" : "deleted").append(", forced by ")
                .append(String.join(", ", c.forcingInputs())).append(": ").append(a.reason().strip()).append("\n"));
        for (ReplaceAllowance a : gate.unused()) {
            out.append("\nNote: allowReplace names ").append(a.resource()).append(", which this change neither replaces "
                    + "nor deletes. Remove the entry once its change is deployed: while it stays, any replacement of "
                    + "that resource passes.\n");
        }
        if (gate.passes()) {
            out.append("\nNo stateful resource is replaced or deleted without an announcement.\n");
            return out.toString();
        }
        out.append("\nREFUSED: ").append(gate.refused().size()).append(gate.refused().size() == 1
                ? " stateful resource would be" : " stateful resources would be").append(" replaced or deleted "
                + "without an announcement.\n");
        for (Change c : gate.refused()) {
            out.append(refusal(c, stackFile));
        }
        return out.toString();
    }

    private static String detail(Change c) {
        return switch (c.verdict()) {
            case REPLACE -> c.forcing().stream().map(Report::forcing).collect(Collectors.joining("; "));
            case UPDATE -> String.join(", ", c.changed());
            case DELETE -> c.createdInstead() == null ? "no longer planned" : "no longer planned (" + c.createdInstead()
                    + " is created)";
            default -> "";
        };
    }

    private static String forcing(Change.Forcing f) {
        String values = f.before() == null && f.after() == null ? ""
                : " " + (f.before() == null ? "(unset)" : f.before()) + " → " + (f.after() == null ? "(unset)" : f.after());
        return f.input() + values + (f.from() == null ? "" : " (the new id of " + PreviewDocument.nameOf(f.from())
                + ", which is replaced)");
    }

    private static String refusal(Change c, String stackFile) {
        StringBuilder out = new StringBuilder("\n  ").append(c.name()).append(" (").append(c.type()).append(") would be ")
                .append(c.verdict() == Verdict.REPLACE ? "replaced" : "deleted").append(".\n");
        out.append("    It holds data: ").append(c.stateful()).append(".\n");
        if (c.verdict() == Verdict.DELETE && c.createdInstead() != null) {
            out.append("    The plan creates ").append(c.createdInstead()).append(" of the same type: if that is this "
                    + "resource renamed, it starts empty.\n");
        }
        for (Change.Forcing f : c.forcing()) {
            out.append("    Forced by: ").append(forcing(f)).append(" — ").append(f.why()).append(".\n");
            out.append("    To avoid it: ").append(f.avoid()).append(".\n");
        }
        if (c.wasProtected()) {
            out.append("    It is protected (protect: true): pulumi up would stop at it, part-way through the update. "
                    + "After announcing it, unprotect it first: pulumi state unprotect '").append(c.urn()).append("'.\n");
        }
        String namespace = namespace(c.urn());
        out.append("    To let it through, announce it in ").append(stackFile == null ? "the stack file" : stackFile)
                .append(":\n      ").append(namespace).append("allowReplace:\n        - resource: ").append(c.name())
                .append("\n          reason: <why losing or moving it is acceptable>\n");
        return out.toString();
    }

    /** {@code urn:pulumi:dev::apphome::…} → {@code apphome:}. */
    private static String namespace(String urn) {
        String[] parts = urn.split("::");
        return parts.length > 1 ? parts[1] + ":" : "";
    }
}
