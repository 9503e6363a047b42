package dev.apphome.cost;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.apphome.plan.PlanDocument;
import dev.apphome.support.Stacks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Estimates for tests: of a committed or variant stack's plan document, or of a synthetic document. */
final class Costs {

    private Costs() {
    }

    /** The plan document bin/plan writes for a committed or variant stack. */
    static JsonObject document(String stack) {
        return new Gson().toJsonTree(PlanDocument.toDocument(Stacks.anyPlan(stack))).getAsJsonObject();
    }

    static Estimate of(JsonElement document) {
        return of(document, Usage.none());
    }

    static Estimate of(JsonElement document, Usage usage) {
        try {
            return Estimator.estimate(PreviewDocument.of(document, "test"), PriceTable.standard(), null, usage);
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Estimate ofStack(String stack) {
        return of(document(stack));
    }

    /** A fixed line as the tests write it: resource name, item, quantity, unit price, monthly. */
    record Fixed(String resource, String item, BigDecimal quantity, BigDecimal unitPrice, BigDecimal monthly) {

        Fixed(String resource, String item, String quantity, String unitPrice, String monthly) {
            this(resource, item, new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(monthly));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fixed f && resource.equals(f.resource) && item.equals(f.item) && quantity.compareTo(f.quantity) == 0
                    && unitPrice.compareTo(f.unitPrice) == 0 && monthly.compareTo(f.monthly) == 0;
        }

        @Override
        public int hashCode() {
            return resource.hashCode() * 31 + item.hashCode();
        }

        @Override
        public String toString() {
            return resource + " | " + item + " | " + quantity.toPlainString() + " × " + unitPrice.toPlainString() + " = "
                    + monthly.toPlainString();
        }
    }

    /** Every fixed line of the estimate, in document order. */
    static List<Fixed> fixedLines(Estimate e) {
        List<Fixed> result = new ArrayList<>();
        for (Estimate.Priced p : e.resources()) {
            for (Line l : p.lines()) {
                if (!l.usage()) {
                    result.add(new Fixed(p.resource().name(), l.item(), l.quantity(), l.unitPrice(), l.monthly()));
                }
            }
        }
        return result;
    }

    /** A preview document of the given steps' new states, each a JSON object text; config aws:region as given. */
    static JsonObject steps(String region, String... states) {
        JsonObject document = new JsonObject();
        if (region != null) {
            JsonObject config = new JsonObject();
            config.addProperty("aws:region", region);
            document.add("config", config);
        }
        var steps = new com.google.gson.JsonArray();
        for (String state : states) {
            JsonObject s = JsonParser.parseString(state).getAsJsonObject();
            JsonObject step = new JsonObject();
            step.addProperty("op", "create");
            step.addProperty("urn", s.get("urn").getAsString());
            step.add("newState", s);
            steps.add(step);
        }
        document.add("steps", steps);
        return document;
    }

    /** A custom resource's new state: {@code urn:pulumi:test::app::<type>::<name>} with these inputs (JSON text). */
    static String state(String type, String name, String inputs) {
        return "{\"urn\": \"" + urn(type, name) + "\", \"type\": \"" + type + "\", \"custom\": true, \"inputs\": " + inputs + "}";
    }

    /** The same with property dependencies (JSON text of input → URNs). */
    static String state(String type, String name, String inputs, String propertyDependencies) {
        return "{\"urn\": \"" + urn(type, name) + "\", \"type\": \"" + type + "\", \"custom\": true, \"inputs\": " + inputs
                + ", \"propertyDependencies\": " + propertyDependencies + "}";
    }

    static String urn(String type, String name) {
        return "urn:pulumi:test::app::" + type + "::" + name;
    }

    /** The one priced resource's lines. */
    static List<Line> lines(Estimate e, String name) {
        return e.resources().stream().filter(p -> p.resource().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not priced; unpriced: " + e.unpriced() + "; free: " + e.free()))
                .lines();
    }

    static String unpricedReason(Estimate e, String name) {
        return e.unpriced().stream().filter(l -> l.resource().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not unpriced")).reason();
    }

    static String freeReason(Estimate e, String name) {
        return e.free().stream().filter(l -> l.resource().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not free")).reason();
    }
}
