package dev.apphome.cost;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a resource's inputs by dotted path ({@code runtimePlatform.cpuArchitecture},
 * {@code rules.0.name}) the way a preview writes them: a value not known until the resource
 * exists is the engine's unknown marker, a secret is {@code [secret]}. A pricer that needs such a
 * value gets an {@link Unpriceable} naming the input, so the resource is reported, not guessed.
 */
final class Props {

    /** How {@code pulumi preview --json} writes a value that is not known yet. */
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    static final String SECRET = "[secret]";
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";

    private final JsonObject root;

    Props(JsonObject root) {
        this.root = root == null ? new JsonObject() : root;
    }

    /** The value at {@code path}; null when absent or JSON null. Does not look at unknowns. */
    JsonElement raw(String path) {
        JsonElement node = root;
        for (String part : path.split("\\.")) {
            if (node instanceof JsonObject object) {
                node = object.get(part);
            } else if (node instanceof JsonArray array && part.matches("\\d+") && Integer.parseInt(part) < array.size()) {
                node = array.get(Integer.parseInt(part));
            } else {
                return null;
            }
            if (node == null || node.isJsonNull()) {
                return null;
            }
        }
        return node;
    }

    /** True when the value, or a value it is part of, is not known until the resource exists. */
    boolean unknown(String path) {
        JsonElement node = root;
        for (String part : path.split("\\.")) {
            if (isUnknown(node)) {
                return true;
            }
            if (node instanceof JsonObject object) {
                node = object.get(part);
            } else if (node instanceof JsonArray array && part.matches("\\d+") && Integer.parseInt(part) < array.size()) {
                node = array.get(Integer.parseInt(part));
            } else {
                return false;
            }
            if (node == null) {
                return false;
            }
        }
        return isUnknown(node);
    }

    boolean has(String path) {
        return raw(path) != null || unknown(path);
    }

    /** The value at {@code path}, or null when absent; unknown and secret values are unpriceable. */
    JsonElement known(String path) {
        if (unknown(path)) {
            throw new Unpriceable(path + " is not known until the resource is created");
        }
        JsonElement value = raw(path);
        if (value != null && isSecret(value)) {
            throw new Unpriceable(path + " is secret in the document");
        }
        return value;
    }

    String string(String path, String otherwise) {
        JsonElement value = known(path);
        if (value == null) {
            return otherwise;
        }
        if (!value.isJsonPrimitive()) {
            throw new Unpriceable(path + " is not a single value: " + value);
        }
        return value.getAsString();
    }

    String string(String path) {
        String value = string(path, null);
        if (value == null) {
            throw new Unpriceable(path + " is not set");
        }
        return value;
    }

    boolean bool(String path, boolean otherwise) {
        JsonElement value = known(path);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (value instanceof JsonPrimitive p && p.isString()) {
            return Boolean.parseBoolean(p.getAsString());
        }
        throw new Unpriceable(path + " is not true or false: " + value);
    }

    /** A number, also when the provider takes it as a string ({@code cpu: "256"}). */
    BigDecimal number(String path, BigDecimal otherwise) {
        JsonElement value = known(path);
        if (value == null) {
            return otherwise;
        }
        try {
            return value.getAsBigDecimal();
        } catch (RuntimeException e) {
            throw new Unpriceable(path + " is not a number: " + value);
        }
    }

    BigDecimal number(String path) {
        BigDecimal value = number(path, null);
        if (value == null) {
            throw new Unpriceable(path + " is not set");
        }
        return value;
    }

    /** A list's elements (each may itself be unknown); null when absent, unpriceable when the whole list is unknown. */
    JsonArray array(String path) {
        JsonElement value = known(path);
        if (value == null) {
            return null;
        }
        if (!value.isJsonArray()) {
            throw new Unpriceable(path + " is not a list: " + value);
        }
        return value.getAsJsonArray();
    }

    /** The list's objects; empty when absent. */
    List<Props> objects(String path) {
        JsonArray array = array(path);
        List<Props> result = new ArrayList<>();
        if (array != null) {
            for (JsonElement e : array) {
                if (isUnknown(e)) {
                    throw new Unpriceable(path + " has an element that is not known until the resource is created");
                }
                if (e.isJsonObject()) {
                    result.add(new Props(e.getAsJsonObject()));
                }
            }
        }
        return result;
    }

    static boolean isUnknown(JsonElement value) {
        return value instanceof JsonPrimitive p && p.isString() && UNKNOWN.equals(p.getAsString());
    }

    private static boolean isSecret(JsonElement value) {
        if (value instanceof JsonPrimitive p && p.isString()) {
            return SECRET.equals(p.getAsString());
        }
        return value instanceof JsonObject o && o.has(SIG_KEY);
    }
}
