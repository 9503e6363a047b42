package dev.apphome.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stack's whole configuration as the Pulumi language host hands it to a program: every
 * {@code namespace:key} with its value as a string (objects and lists as JSON), plus the set of keys
 * that are secret. The values of secret keys are never read from here; they are only known to exist.
 *
 * @param file       the stack file the values came from, for messages
 * @param values     full key to raw value; secret keys map to a value that must not be shown
 * @param secretKeys the keys whose values are secret
 */
public record ConfigSource(String file, Map<String, String> values, Set<String> secretKeys) {

    public ConfigSource {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
    }

    /**
     * The configuration the Pulumi CLI passes to this process: {@code PULUMI_CONFIG} (a JSON object of
     * key to string) and {@code PULUMI_CONFIG_SECRET_KEYS} (a JSON list), the contract every language
     * host follows. The SDK reads the same variables but exposes no way to list the keys, which
     * finding misspelled keys needs.
     */
    public static ConfigSource fromEnvironment(String stack) {
        return fromJson(stack, System.getenv("PULUMI_CONFIG"), System.getenv("PULUMI_CONFIG_SECRET_KEYS"));
    }

    /** The configuration from the two JSON documents the language host passes. */
    static ConfigSource fromJson(String stack, String config, String secretKeys) {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null && !config.isBlank()) {
            JsonParser.parseString(config).getAsJsonObject().entrySet()
                    .forEach(e -> values.put(cleanKey(e.getKey()), e.getValue().getAsString()));
        }
        List<String> secrets = new ArrayList<>();
        if (secretKeys != null && !secretKeys.isBlank()) {
            JsonParser.parseString(secretKeys).getAsJsonArray().forEach(k -> secrets.add(cleanKey(k.getAsString())));
        }
        return new ConfigSource("Pulumi." + stack + ".yaml", values, Set.copyOf(secrets));
    }

    /** Old CLIs send {@code project:config:key}; current ones {@code project:key}. */
    private static String cleanKey(String key) {
        int first = key.indexOf(':');
        if (first > 0 && key.startsWith("config:", first + 1)) {
            return key.substring(0, first) + ":" + key.substring(first + 1 + "config:".length());
        }
        return key;
    }

    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }

    /**
     * The value of a non-secret key, parsed: objects as maps, lists as lists, and scalars as the
     * string the CLI passed. Empty when absent; a problem is recorded when the JSON is malformed.
     */
    public Optional<Object> parsed(String key, Problems problems) {
        String raw = values.get(key);
        if (raw == null) {
            return Optional.empty();
        }
        if (isSecret(key)) {
            throw new IllegalStateException("secret value of " + key + " must be read with requireSecret");
        }
        String trimmed = raw.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return Optional.of(toJava(JsonParser.parseString(trimmed)));
            } catch (JsonSyntaxException | IllegalStateException e) {
                problems.add(key, "is not valid JSON: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(raw);
    }

    static Object toJava(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.entrySet().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (element instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(e -> list.add(toJava(e)));
            return list;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            double d = primitive.getAsDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        return primitive.getAsString();
    }
}
