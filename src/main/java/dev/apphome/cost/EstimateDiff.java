package dev.apphome.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the fixed monthly estimate of a stack changes from a base plan to a head plan, line by line:
 * what a pull request comments. A line is the same line in both when it belongs to the same
 * resource (URN) and is priced from the same price-table items in the same unit; its description
 * may change (a task count, a storage size).
 */
public final class EstimateDiff {

    private EstimateDiff() {
    }

    /** One fixed line that differs; {@code base} or {@code head} is null when the line exists on one side only. */
    public record Change(String name, String type, String item, BigDecimal base, BigDecimal head) {

        public BigDecimal delta() {
            return Line.exact((head == null ? BigDecimal.ZERO : head).subtract(base == null ? BigDecimal.ZERO : base));
        }
    }

    private record Key(String urn, String price, String unit) {
    }

    private record Entry(String name, String type, String item, BigDecimal monthly) {
    }

    public static List<Change> changes(Estimate base, Estimate head) {
        Map<Key, Entry> before = lines(base);
        Map<Key, Entry> after = lines(head);
        List<Change> changes = new ArrayList<>();
        after.forEach((key, now) -> {
            Entry was = before.get(key);
            if (was == null || was.monthly().compareTo(now.monthly()) != 0) {
                changes.add(new Change(now.name(), now.type(), now.item(), was == null ? null : was.monthly(), now.monthly()));
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                changes.add(new Change(was.name(), was.type(), was.item(), was.monthly(), null));
            }
        });
        return changes;
    }

    private static Map<Key, Entry> lines(Estimate e) {
        Map<Key, Entry> result = new LinkedHashMap<>();
        for (Estimate.Priced p : e.resources()) {
            for (Line l : p.lines()) {
                if (!l.usage()) {
                    Key key = new Key(p.resource().urn(), l.price(), l.unit());
                    Entry entry = new Entry(p.resource().name(), p.resource().type(), l.item(), l.monthly());
                    result.merge(key, entry, (a, b) -> new Entry(a.name(), a.type(), a.item(), a.monthly().add(b.monthly())));
                }
            }
        }
        return result;
    }

    /** The unpriced resources of the head that the base did not have unpriced (by URN). */
    public static List<Estimate.Listed> newlyUnpriced(Estimate base, Estimate head) {
        Set<String> before = base.unpriced().stream().map(l -> l.resource().urn()).collect(Collectors.toSet());
        return head.unpriced().stream().filter(l -> !before.contains(l.resource().urn())).toList();
    }

    public static String text(Estimate base, Estimate head) {
        StringBuilder out = new StringBuilder();
        out.append("Fixed monthly estimate of ").append(head.stack()).append(": ").append(EstimateTable.money(base.fixed())).append(" → ")
                .append(EstimateTable.money(head.fixed())).append(" ").append(Estimate.CURRENCY).append(" (")
                .append(signed(head.fixed().subtract(base.fixed()))).append(")\n");
        for (Change c : changes(base, head)) {
            out.append("  ").append(signed(c.delta())).append("  ").append(c.name()).append(": ").append(c.item()).append(" (")
                    .append(c.base() == null ? "new" : EstimateTable.money(c.base())).append(" → ")
                    .append(c.head() == null ? "gone" : EstimateTable.money(c.head())).append(")\n");
        }
        return out.toString();
    }

    /** A pull-request comment section for one stack. */
    public static String markdown(Estimate base, Estimate head) {
        StringBuilder out = new StringBuilder();
        BigDecimal delta = head.fixed().subtract(base.fixed());
        out.append("#### ").append(head.stack()).append("\n\n");
        out.append("Fixed monthly estimate: **$").append(EstimateTable.money(base.fixed())).append("** on the base, **$")
                .append(EstimateTable.money(head.fixed())).append("** with this change: **").append(signed(delta)).append("**")
                .append(" (").append(head.region()).append(", ").append(Estimate.CURRENCY).append(", prices ").append(head.prices())
                .append(").\n\n");
        List<Change> changes = changes(base, head);
        if (changes.isEmpty()) {
            out.append("No fixed line changed.\n");
        } else {
            out.append("| resource | line | base | head | change |\n|---|---|---:|---:|---:|\n");
            for (Change c : changes) {
                out.append("| `").append(c.name()).append("` | ").append(cell(c.item())).append(" | ")
                        .append(c.base() == null ? "—" : "$" + EstimateTable.money(c.base())).append(" | ")
                        .append(c.head() == null ? "—" : "$" + EstimateTable.money(c.head())).append(" | ")
                        .append(signed(c.delta())).append(" |\n");
            }
        }
        List<Estimate.Listed> unpriced = newlyUnpriced(base, head);
        if (!unpriced.isEmpty()) {
            out.append("\nNewly unpriced (not in the figures):\n\n");
            unpriced.forEach(l -> out.append("- `").append(l.resource().name()).append("` (").append(l.resource().type()).append("): ")
                    .append(cell(l.reason())).append("\n"));
        }
        return out.toString();
    }

    /** A pull-request comment section for a stack the base cannot plan (new in the change). */
    public static String markdown(Estimate head, String why) {
        return "#### " + head.stack() + "\n\nFixed monthly estimate: **$" + EstimateTable.money(head.fixed()) + "** with this change ("
                + head.region() + ", " + Estimate.CURRENCY + ", prices " + head.prices() + "); " + why + ".\n";
    }

    static String signed(BigDecimal value) {
        String money = EstimateTable.money(value.abs());
        int sign = new BigDecimal(money).signum() == 0 ? 0 : value.signum();
        return (sign > 0 ? "+$" : sign < 0 ? "−$" : "±$") + money;
    }

    private static String cell(String text) {
        return Objects.toString(text, "").replace("|", "\\|");
    }
}
