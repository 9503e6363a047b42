package dev.apphome.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The estimate as a terminal table: the resource tree as {@code pulumi preview} draws it, cut to
 * the resources with fixed lines, each line with quantity, unit, unit price and monthly amount,
 * each component with its subtotal; then the fixed total, the usage-priced lines with their unit
 * prices, the free and unpriced resources, and the assumptions.
 */
public final class EstimateTable {

    private EstimateTable() {
    }

    private record Row(String tree, String name, String quantity, String unit, String unitPrice, String monthly) {
    }

    public static String render(Estimate e) {
        StringBuilder out = new StringBuilder();
        out.append("Monthly cost of stack ").append(e.stack().isEmpty() ? "(unnamed)" : e.stack()).append(" in ").append(e.region())
                .append(", ").append(Estimate.CURRENCY).append("\n");
        out.append("Region from ").append(e.regionFrom()).append("; prices ").append(e.prices()).append("\n\n");
        out.append(table(List.of(new Row("Type / line item", "Name", "Quantity", "Unit", "Unit price", "Monthly")), fixedRows(e)));
        out.append("\nFixed monthly total: ").append(money(e.fixed())).append(" ").append(Estimate.CURRENCY).append("\n");
        appendUsage(e, out);
        appendListed("Free", e.free(), true, out);
        appendListed("Unpriced (not in the totals)", e.unpriced(), false, out);
        out.append("\nAssumptions:\n");
        e.assumptions().forEach(a -> out.append("  - ").append(a).append("\n"));
        return out.toString();
    }

    private static List<Row> fixedRows(Estimate e) {
        Map<String, BigDecimal> subtotal = new HashMap<>();
        Map<String, Estimate.Priced> priced = new HashMap<>();
        Set<String> shown = new HashSet<>();
        for (Estimate.Priced p : e.resources()) {
            if (p.lines().stream().allMatch(Line::usage)) {
                continue;
            }
            priced.put(p.resource().urn(), p);
            for (String urn = p.resource().urn(); urn != null && !urn.isEmpty(); urn = parentOf(e, urn)) {
                shown.add(urn);
                subtotal.merge(urn, p.fixed(), BigDecimal::add);
            }
        }
        Map<String, List<Resource>> children = new LinkedHashMap<>();
        List<Resource> roots = new ArrayList<>();
        for (Resource r : e.all().values()) {
            if (!shown.contains(r.urn())) {
                continue;
            }
            if (r.parent().isEmpty() || !e.all().containsKey(r.parent())) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Resource root : roots) {
            walk(root, "", "", children, subtotal, priced, rows);
        }
        return rows;
    }

    private static String parentOf(Estimate e, String urn) {
        Resource r = e.all().get(urn);
        return r == null ? null : r.parent();
    }

    private static void walk(Resource node, String lead, String branch, Map<String, List<Resource>> children,
                             Map<String, BigDecimal> subtotal, Map<String, Estimate.Priced> priced, List<Row> rows) {
        Estimate.Priced self = priced.get(node.urn());
        String name = node.name() + (self != null && self.region() != null ? " (in " + self.region() + ")" : "");
        rows.add(new Row(lead + branch + node.type(), name, "", "", "", money(subtotal.get(node.urn()))));
        String nextLead = lead + (branch.isEmpty() ? "" : branch.startsWith("└") ? "   " : "│  ");
        List<Resource> kids = children.getOrDefault(node.urn(), List.of());
        Estimate.Priced own = priced.get(node.urn());
        if (own != null) {
            String lineLead = nextLead + (kids.isEmpty() ? "   " : "│  ");
            for (Line l : own.lines()) {
                if (!l.usage()) {
                    rows.add(new Row(lineLead + "· " + l.item(), "", quantity(l.quantity()), l.unit(), unitPrice(l), money(l.monthly())));
                }
            }
        }
        List<List<Resource>> groups = alike(kids, children, priced);
        for (int i = 0; i < groups.size(); i++) {
            String childBranch = i == groups.size() - 1 ? "└─ " : "├─ ";
            List<Resource> group = groups.get(i);
            if (group.size() == 1) {
                walk(group.get(0), nextLead, childBranch, children, subtotal, priced, rows);
            } else {
                walkGroup(group, nextLead, childBranch, subtotal, priced, rows);
            }
        }
    }

    /**
     * Siblings of one type with the same lines (17 alarms, 3 secrets) become one row, so that the
     * tree stays readable; the JSON keeps every resource.
     */
    private static List<List<Resource>> alike(List<Resource> kids, Map<String, List<Resource>> children,
                                              Map<String, Estimate.Priced> priced) {
        List<List<Resource>> groups = new ArrayList<>();
        Map<String, List<Resource>> byShape = new LinkedHashMap<>();
        for (Resource kid : kids) {
            Estimate.Priced own = priced.get(kid.urn());
            if (own == null || children.containsKey(kid.urn())) {
                groups.add(new ArrayList<>(List.of(kid)));
                continue;
            }
            String shape = kid.type() + own.region() + own.lines().stream().filter(l -> !l.usage())
                    .map(l -> "|" + l.item() + "|" + l.quantity() + "|" + l.unitPrice()).reduce("", String::concat);
            List<Resource> group = byShape.get(shape);
            if (group == null) {
                group = new ArrayList<>();
                byShape.put(shape, group);
                groups.add(group);
            }
            group.add(kid);
        }
        List<List<Resource>> result = new ArrayList<>();
        for (List<Resource> group : groups) {
            if (group.size() >= 3) {
                result.add(group);
            } else {
                group.forEach(r -> result.add(List.of(r)));
            }
        }
        return result;
    }

    private static void walkGroup(List<Resource> group, String lead, String branch, Map<String, BigDecimal> subtotal,
                                  Map<String, Estimate.Priced> priced, List<Row> rows) {
        Resource first = group.get(0);
        BigDecimal total = group.stream().map(r -> subtotal.get(r.urn())).reduce(BigDecimal.ZERO, BigDecimal::add);
        String region = priced.get(first.urn()).region();
        rows.add(new Row(lead + branch + group.size() + " × " + first.type(), first.name() + " and " + (group.size() - 1) + " more"
                + (region != null ? " (in " + region + ")" : ""),
                "", "", "", money(total)));
        String lineLead = lead + (branch.startsWith("└") ? "   " : "│  ") + "   ";
        BigDecimal n = BigDecimal.valueOf(group.size());
        for (Line l : priced.get(first.urn()).lines()) {
            if (!l.usage()) {
                rows.add(new Row(lineLead + "· " + l.item() + ", all " + group.size(), "", quantity(l.quantity().multiply(n)), l.unit(),
                        unitPrice(l), money(l.monthly().multiply(n))));
            }
        }
    }

    private static void appendUsage(Estimate e, StringBuilder out) {
        List<Row> rows = new ArrayList<>();
        for (Estimate.Priced p : e.resources()) {
            for (Line l : p.lines()) {
                if (l.usage()) {
                    rows.add(new Row(p.resource().name() + (p.region() != null ? " (in " + p.region() + ")" : ""), l.item(), l.quantity() == null ? "—" : quantity(l.quantity()), l.unit(),
                            unitPrice(l), l.quantity() == null ? "—" : money(l.monthly())));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        out.append("\nUsage-priced lines").append(e.usage().given() ? " (quantities from " + e.usage().source() + ")"
                : " (not estimated: pass --usage FILE)").append(":\n");
        out.append(table(List.of(new Row("Resource", "Line item", "Quantity", "Unit", "Unit price", "Monthly")), rows));
        if (e.usage().given()) {
            out.append("\nUsage monthly total: ").append(money(e.usageTotal())).append(" ").append(Estimate.CURRENCY)
                    .append("\nFixed and usage: ").append(money(e.fixed().add(e.usageTotal()))).append(" ").append(Estimate.CURRENCY).append("\n");
        }
    }

    /** Resources of one type with one reason are one row: "6 × aws:ec2/subnet:Subnet: reason". */
    private static void appendListed(String title, List<Estimate.Listed> listed, boolean grouped, StringBuilder out) {
        if (listed.isEmpty()) {
            return;
        }
        out.append("\n").append(title).append(": ").append(listed.size()).append(listed.size() == 1 ? " resource" : " resources").append("\n");
        Map<String, List<Estimate.Listed>> groups = new java.util.TreeMap<>();
        listed.forEach(l -> groups.computeIfAbsent(l.resource().type() + "\u0000" + l.reason(), k -> new ArrayList<>()).add(l));
        groups.values().forEach(group -> {
            Estimate.Listed first = group.get(0);
            out.append("  ");
            if (grouped) {
                out.append(group.size()).append(" × ").append(first.resource().type());
            } else if (group.size() > 1) {
                out.append(group.size()).append(" × ").append(first.resource().type())
                        .append(" (").append(first.resource().name()).append(" and ").append(group.size() - 1).append(" more)");
            } else {
                out.append(first.resource().type()).append(" ").append(first.resource().name());
            }
            out.append(": ").append(first.reason()).append("\n");
        });
    }

    private static String table(List<Row> header, List<Row> rows) {
        List<Row> all = new ArrayList<>(header);
        all.addAll(rows);
        int[] w = new int[6];
        for (Row r : all) {
            String[] cells = cells(r);
            for (int i = 0; i < 6; i++) {
                w[i] = Math.max(w[i], cells[i].codePointCount(0, cells[i].length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (Row r : all) {
            String[] c = cells(r);
            String line = "  " + pad(c[0], w[0], false) + "  " + pad(c[1], w[1], false) + "  " + pad(c[2], w[2], true) + "  "
                    + pad(c[3], w[3], false) + "  " + pad(c[4], w[4], true) + "  " + pad(c[5], w[5], true);
            out.append(line.stripTrailing()).append("\n");
        }
        return out.toString();
    }

    private static String[] cells(Row r) {
        return new String[]{r.tree(), r.name(), r.quantity(), r.unit(), r.unitPrice(), r.monthly()};
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.codePointCount(0, s.length())));
        return right ? fill + s : s + fill;
    }

    static String money(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String quantity(BigDecimal value) {
        return value == null ? "" : Line.exact(value.setScale(4, RoundingMode.HALF_UP)).toPlainString();
    }

    private static String unitPrice(Line l) {
        BigDecimal price = Line.exact(l.unitPrice());
        return (price.scale() < 2 ? price.setScale(2) : price).toPlainString() + (l.unconfirmed() ? " †" : "  ");
    }
}
