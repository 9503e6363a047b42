package dev.apphome.cost;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document in the shape {@code pulumi preview --json} prints: {@code config} (optional) and
 * {@code steps}, each with an {@code op} and a {@code newState}. It reads bin/plan's documents and
 * real previews alike, including {@code --show-sames} steps (op {@code same}), provider steps and
 * outputs that are absent or unknown. Deleted resources are left out: the estimate is of what
 * exists after the update. Nothing here knows how the program builds its stacks.
 */
public final class PreviewDocument {

    /** Steps after which the resource no longer exists. */
    private static final Set<String> GONE = Set.of("delete", "delete-replaced", "discard", "discard-replaced",
            "remove-pending-replace");
    private static final Pattern ARN_REGION = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\\d):");
    private static final Pattern ZONE = Pattern.compile("^([a-z]{2}(?:-[a-z]+)+-\\d)[a-z]$");

    private final Map<String, String> config;
    private final List<Resource> resources;
    private final Map<String, Resource> byUrn;

    private PreviewDocument(Map<String, String> config, List<Resource> resources) {
        this.config = config;
        this.resources = List.copyOf(resources);
        Map<String, Resource> index = new LinkedHashMap<>();
        resources.forEach(r -> index.put(r.urn(), r));
        this.byUrn = index;
    }

    /** Parses a document's text; {@code source} names it in messages (a file name). */
    public static PreviewDocument parse(String text, String source) throws BadInputException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new BadInputException(source + " is not JSON (" + cause + "), so it is not a pulumi preview --json document.");
        }
        return of(root, source);
    }

    /** Reads an already parsed document (bin/plan hands over its own). */
    public static PreviewDocument of(JsonElement root, String source) throws BadInputException {
        if (!(root instanceof JsonObject document) || !document.has("steps") && !document.has("changeSummary")) {
            throw new BadInputException(source + " is not a pulumi preview --json document: it has no \"steps\" list. "
                    + "Write one with `pulumi preview --json --show-sames` or `bin/plan <stack> --json FILE`.");
        }
        Map<String, String> config = new LinkedHashMap<>();
        if (document.get("config") instanceof JsonObject c) {
            c.entrySet().forEach(e -> config.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString()
                    : e.getValue().toString()));
        }
        JsonElement stepsElement = document.get("steps");
        if (stepsElement != null && !stepsElement.isJsonNull() && !stepsElement.isJsonArray()) {
            throw new BadInputException(source + " is not a pulumi preview --json document: \"steps\" is not a list.");
        }
        JsonArray steps = stepsElement instanceof JsonArray a ? a : new JsonArray();
        Map<String, Resource> resources = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof JsonObject step)) {
                problems.add("step " + (i + 1) + " is not an object");
                continue;
            }
            String op = text(step, "op");
            if (op == null) {
                problems.add("step " + (i + 1) + " has no \"op\"");
                continue;
            }
            if (GONE.contains(op) || !(step.get("newState") instanceof JsonObject state)) {
                if (GONE.contains(op) || step.has("oldState")) {
                    String urn = text(step, "urn");
                    if (urn != null && GONE.contains(op)) {
                        resources.remove(urn);
                    }
                    continue;
                }
                problems.add("step " + (i + 1) + " (" + op + ") has no \"newState\"");
                continue;
            }
            String urn = text(state, "urn");
            String type = text(state, "type");
            if (urn == null || type == null) {
                problems.add("step " + (i + 1) + "'s newState has no " + (urn == null ? "\"urn\"" : "\"type\""));
                continue;
            }
            boolean custom = state.get("custom") instanceof JsonPrimitive p ? p.getAsBoolean() : !type.startsWith("pulumi:pulumi:")
                    && type.contains("/");
            String provider = text(state, "provider");
            if (provider == null) {
                provider = text(step, "provider");
            }
            // A later step for the same URN (a replacement's create after its replace) wins.
            resources.remove(urn);
            resources.put(urn, new Resource(urn, type, custom, orEmpty(text(state, "parent")), object(state, "inputs"),
                    object(state, "outputs"), dependencies(state), orEmpty(provider), op));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(source + " has steps bin/cost cannot read: " + String.join("; ", problems)
                    + ". It is not a pulumi preview --json document, or it is damaged.");
        }
        // Without --show-sames a preview lists only what changes; an estimate of it would miss the rest.
        long sames = 0;
        for (JsonElement step : steps) {
            if (step.getAsJsonObject().get("op") instanceof JsonPrimitive op && op.getAsString().equals("same")) {
                sames++;
            }
        }
        if (document.get("changeSummary") instanceof JsonObject summary && summary.get("same") instanceof JsonPrimitive same
                && same.isNumber() && same.getAsLong() > sames) {
            throw new BadInputException(source + " leaves out " + (same.getAsLong() - sames) + " unchanged resources (its "
                    + "changeSummary counts them but it has no step for them), so an estimate of it would miss what they cost. "
                    + "Write it with `pulumi preview --json --show-sames`.");
        }
        return new PreviewDocument(config, new ArrayList<>(resources.values()));
    }

    public List<Resource> resources() {
        return resources;
    }

    public Resource byUrn(String urn) {
        return byUrn.get(urn);
    }

    /** The stack name, from the URNs ({@code urn:pulumi:<stack>::<project>::…}); empty when there are none. */
    public String stack() {
        for (Resource r : resources) {
            String[] parts = r.urn().split("::");
            if (parts.length > 1 && parts[0].startsWith("urn:pulumi:")) {
                return parts[0].substring("urn:pulumi:".length());
            }
        }
        return "";
    }

    /**
     * The AWS region of the stack and where it was read: the stack's {@code aws:region} config, else
     * the default AWS provider's {@code region} input, else the region every ARN and availability
     * zone in the document names. Null when the document names none, or several.
     */
    public RegionChoice region() {
        String configured = config.get("aws:region");
        if (configured != null && !configured.isBlank()) {
            return new RegionChoice(configured, "the stack's aws:region");
        }
        TreeSet<String> providerRegions = new TreeSet<>();
        for (Resource r : resources) {
            if (r.type().equals("pulumi:providers:aws") && r.inputs() != null && r.inputs().get("region") instanceof JsonPrimitive p) {
                providerRegions.add(p.getAsString());
            }
        }
        if (providerRegions.size() == 1) {
            return new RegionChoice(providerRegions.first(), "the AWS provider's region");
        }
        TreeSet<String> named = new TreeSet<>();
        for (Resource r : resources) {
            if (r.type().startsWith("aws:")) {
                collectRegions(r.inputs(), named);
                collectRegions(r.outputs(), named);
            }
        }
        if (named.size() == 1) {
            return new RegionChoice(named.first(), "the ARNs and zones in the document, which sets no aws:region");
        }
        return new RegionChoice(null, named.isEmpty() ? "the document names no AWS region"
                : "the document names several regions: " + String.join(", ", named));
    }

    /** The region a resource is created in and how it was found. */
    public record RegionChoice(String region, String from) {
    }

    private static void collectRegions(JsonElement value, Set<String> into) {
        if (value instanceof JsonObject o) {
            o.entrySet().forEach(e -> collectRegions(e.getValue(), into));
        } else if (value instanceof JsonArray a) {
            a.forEach(e -> collectRegions(e, into));
        } else if (value instanceof JsonPrimitive p && p.isString()) {
            String s = p.getAsString();
            Matcher arn = ARN_REGION.matcher(s);
            Matcher zone = ZONE.matcher(s);
            if (arn.find()) {
                into.add(arn.group(1));
            } else if (zone.matches()) {
                into.add(zone.group(1));
            }
        }
    }

    private static Map<String, List<String>> dependencies(JsonObject state) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (state.get("propertyDependencies") instanceof JsonObject deps) {
            deps.entrySet().forEach(e -> {
                List<String> urns = new ArrayList<>();
                if (e.getValue() instanceof JsonArray a) {
                    a.forEach(u -> {
                        if (u.isJsonPrimitive()) {
                            urns.add(u.getAsString());
                        }
                    });
                }
                result.put(e.getKey(), List.copyOf(urns));
            });
        }
        return result;
    }

    private static JsonObject object(JsonObject parent, String key) {
        return parent.get(key) instanceof JsonObject o ? o : new JsonObject();
    }

    private static String text(JsonObject parent, String key) {
        return parent.get(key) instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
