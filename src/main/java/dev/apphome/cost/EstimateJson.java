package dev.apphome.cost;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.math.BigDecimal;

/**
 * The estimate as {@code --json FILE} writes it: currency, region, price table, the fixed and usage
 * totals, every priced resource with its lines, and the free and unpriced resources with reasons.
 */
public final class EstimateJson {

    private EstimateJson() {
    }

    public static JsonObject toJson(Estimate e) {
        JsonObject root = new JsonObject();
        root.addProperty("currency", Estimate.CURRENCY);
        root.addProperty("region", e.region());
        root.addProperty("prices", e.prices());
        root.addProperty("stack", e.stack());
        JsonObject monthly = new JsonObject();
        monthly.add("fixed", number(e.fixed()));
        monthly.add("usage", number(e.usageTotal()));
        root.add("monthly", monthly);
        root.addProperty("usageFile", e.usage().given() ? e.usage().source() : null);
        JsonArray resources = new JsonArray();
        for (Estimate.Priced p : e.resources()) {
            JsonObject r = new JsonObject();
            r.addProperty("urn", p.resource().urn());
            r.addProperty("type", p.resource().type());
            if (p.region() != null) {
                r.addProperty("region", p.region());
            }
            r.add("monthly", number(p.monthly()));
            JsonArray lines = new JsonArray();
            for (Line l : p.lines()) {
                JsonObject line = new JsonObject();
                line.addProperty("item", l.item());
                line.add("quantity", number(l.quantity() == null ? BigDecimal.ZERO : l.quantity()));
                line.addProperty("unit", l.unit());
                line.add("unitPrice", number(l.unitPrice()));
                line.add("monthly", number(l.monthly()));
                line.addProperty("usage", l.usage());
                line.addProperty("price", l.price());
                line.addProperty("priceStatus", l.status());
                if (l.usage()) {
                    line.addProperty("usageKey", l.usageKey());
                }
                lines.add(line);
            }
            r.add("lines", lines);
            resources.add(r);
        }
        root.add("resources", resources);
        root.add("unpriced", listed(e.unpriced()));
        root.add("free", listed(e.free()));
        JsonArray assumptions = new JsonArray();
        e.assumptions().forEach(assumptions::add);
        root.add("assumptions", assumptions);
        return root;
    }

    public static String toText(Estimate e) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(toJson(e)) + "\n";
    }

    private static JsonArray listed(java.util.List<Estimate.Listed> listed) {
        JsonArray array = new JsonArray();
        for (Estimate.Listed l : listed) {
            JsonObject o = new JsonObject();
            o.addProperty("urn", l.resource().urn());
            o.addProperty("type", l.resource().type());
            o.addProperty("reason", l.reason());
            array.add(o);
        }
        return array;
    }

    private static com.google.gson.JsonPrimitive number(BigDecimal value) {
        return new com.google.gson.JsonPrimitive(Line.exact(value));
    }
}
