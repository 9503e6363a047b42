package dev.apphome.support;

import com.google.gson.JsonParser;
import dev.apphome.plan.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON documents held in inputs (policies, container definitions) as plain maps and lists. */
public final class Json {

    private Json() {
    }

    public static Object parse(String json) {
        return toJava(JsonParser.parseString(json));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(PlannedResource resource, String input) {
        return (Map<String, Object>) parse(resource.inputString(input));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> statements(PlannedResource resource, String input) {
        return (List<Map<String, Object>>) object(resource, input).get("Statement");
    }

    private static Object toJava(com.google.gson.JsonElement e) {
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(x -> m.put(x.getKey(), toJava(x.getValue())));
            return m;
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> l.add(toJava(x)));
            return l;
        }
        if (e.isJsonNull()) {
            return null;
        }
        var p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d == Math.rint(d) ? (Object) (long) d : (Object) d;
        }
        return p.getAsString();
    }
}
