package dev.apphome.cost;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The usage file of {@code --usage FILE}: monthly quantities for usage-priced lines, by resource
 * type and by resource (logical name or URN), the resource's own value winning:
 *
 * <pre>
 * types:
 *   aws:ec2/natGateway:NatGateway: {dataProcessedGb: 20}
 * resources:
 *   apphome-dev-api-logs: {ingestedGb: 2, storedGb: 2}
 * </pre>
 *
 * YAML (so JSON too). Every key is checked against what the document's resources can use, and
 * every mistake is reported at once.
 */
public final class Usage {

    private static final Usage NONE = new Usage("", Map.of(), Map.of());

    private final String source;
    private final Map<String, Map<String, BigDecimal>> byType;
    private final Map<String, Map<String, BigDecimal>> byResource;

    private Usage(String source, Map<String, Map<String, BigDecimal>> byType, Map<String, Map<String, BigDecimal>> byResource) {
        this.source = source;
        this.byType = byType;
        this.byResource = byResource;
    }

    /** No usage file: usage lines are listed with their unit price and count zero. */
    public static Usage none() {
        return NONE;
    }

    public boolean given() {
        return !source.isEmpty();
    }

    /** The file's name, as given. */
    public String source() {
        return source;
    }

    public static Usage parse(String text, String source) throws BadInputException {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new BadInputException(source + " is not a YAML usage file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null) {
            root = Map.of();
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new BadInputException(source + " must be a map with the keys types and resources.");
        }
        List<String> problems = new ArrayList<>();
        top.keySet().forEach(k -> {
            if (!Set.of("types", "resources").contains(String.valueOf(k))) {
                problems.add("unknown key " + k + " (allowed: types, resources)");
            }
        });
        Map<String, Map<String, BigDecimal>> byType = section(top.get("types"), "types", problems);
        Map<String, Map<String, BigDecimal>> byResource = section(top.get("resources"), "resources", problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(source + ": " + String.join("; ", problems) + ".");
        }
        return new Usage(source, byType, byResource);
    }

    private static Map<String, Map<String, BigDecimal>> section(Object value, String name, List<String> problems) {
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(name + " must be a map");
            return result;
        }
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!(v instanceof Map<?, ?> quantities)) {
                problems.add(name + "." + key + " must be a map of quantities");
                return;
            }
            Map<String, BigDecimal> q = new LinkedHashMap<>();
            quantities.forEach((qk, qv) -> {
                BigDecimal number = qv instanceof Number n ? new BigDecimal(n.toString()) : null;
                if (number == null || number.signum() < 0) {
                    problems.add(name + "." + key + "." + qk + " must be a number of 0 or more, not " + qv);
                } else {
                    q.put(String.valueOf(qk), number);
                }
            });
            result.put(key, q);
        });
        return result;
    }

    /**
     * Checks every key against the document: a type must have usage lines and a resource must
     * exist, and each quantity must be one its resources use.
     */
    void check(PreviewDocument document, Catalog catalog) throws BadInputException {
        List<String> problems = new ArrayList<>();
        byType.forEach((type, quantities) -> {
            Set<String> allowed = catalog.usageKeys(type).keySet();
            if (allowed.isEmpty()) {
                problems.add("types." + type + ": resources of this type have no usage-priced lines");
            } else {
                unknownKeys("types." + type, quantities, allowed, problems);
            }
        });
        byResource.forEach((name, quantities) -> {
            List<Resource> matches = document.resources().stream()
                    .filter(r -> r.urn().equals(name) || r.name().equals(name)).toList();
            if (matches.isEmpty()) {
                problems.add("resources." + name + ": the document has no resource with this name or URN");
                return;
            }
            Set<String> allowed = new TreeSet<>();
            matches.forEach(r -> allowed.addAll(catalog.usageKeys(r.type()).keySet()));
            if (allowed.isEmpty()) {
                problems.add("resources." + name + ": a " + matches.get(0).type() + " has no usage-priced lines");
            } else {
                unknownKeys("resources." + name, quantities, allowed, problems);
            }
        });
        if (!problems.isEmpty()) {
            throw new BadInputException(source + ": " + String.join("; ", problems) + ".");
        }
    }

    private static void unknownKeys(String where, Map<String, BigDecimal> quantities, Set<String> allowed, List<String> problems) {
        quantities.keySet().stream().filter(k -> !allowed.contains(k)).forEach(k ->
                problems.add(where + "." + k + " is not a usage quantity of it (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")"));
    }

    /** The quantity of {@code key} for {@code resource}, or null when the file gives none. */
    BigDecimal value(Resource resource, String key) {
        for (String id : List.of(resource.urn(), resource.name())) {
            Map<String, BigDecimal> own = byResource.get(id);
            if (own != null && own.containsKey(key)) {
                return own.get(key);
            }
        }
        Map<String, BigDecimal> forType = byType.get(resource.type());
        return forType == null ? null : forType.get(key);
    }

    /** The file's type-level quantities, for the README's statement of assumptions. */
    public Map<String, Map<String, BigDecimal>> byType() {
        return byType;
    }
}
