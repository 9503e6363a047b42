package dev.apphome.diff;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which inputs force a replacement, per resource type ({@code replace-forcing.json}): the Terraform
 * AWS provider's {@code ForceNew} markings as the Pulumi AWS provider bridges them, with the cases the
 * provider decides at plan time, and which types hold data. Facts about the provider live in the
 * data file, with the provider version and schema source of each type; this class only reads them.
 */
public final class ForcingTable {

    /** The file, on the class path. */
    public static final String RESOURCE = "/replace-forcing.json";

    /**
     * A replacement the provider decides at plan time.
     *
     * @param inputs the inputs it looks at (several when the case is about which one is set)
     * @param rule   what {@link Rules} evaluates
     * @param when   the case in words
     */
    public record Conditional(List<String> inputs, String rule, String when) {
    }

    /**
     * Everything the table says about one type.
     *
     * @param type                the Pulumi type token
     * @param terraform           the Terraform resource it bridges
     * @param provider            the provider version the facts are for
     * @param source              the provider file that defines the schema
     * @param evidence            how the facts were settled for that version
     * @param replaceOn           inputs whose change always replaces (a block: any change inside it)
     * @param onlyWhenSet         those of them the provider computes when unset: only a set value that differs replaces
     * @param replaceWhen         inputs whose change replaces only in some cases
     * @param autoNamed           the input Pulumi names from the logical name, or null
     * @param deleteBeforeReplace whether Pulumi deletes the old resource before creating its replacement
     * @param stateful            why losing one loses data, or null
     * @param statefulWhenUsed    why it holds data when a stateful resource takes an input from it, or null
     * @param avoid               this project's advice per forcing input
     * @param note                a fact worth printing next to a replacement, or null
     * @param unverified          whether the facts were not read from the provider's schema
     */
    public record Facts(String type, String terraform, String provider, String source, String evidence,
                        List<String> replaceOn, Set<String> onlyWhenSet, List<Conditional> replaceWhen,
                        String autoNamed, boolean deleteBeforeReplace, String stateful, String statefulWhenUsed,
                        Map<String, String> avoid, String note, boolean unverified) {

        /** Where the facts come from, as a replacement's explanation names it. */
        public String origin() {
            return terraform + ", " + provider + " " + source + (unverified ? " (unverified: not read from the schema)" : "");
        }

        /** Every input that can force a replacement, unconditionally or in some case. */
        public Set<String> forcingInputs() {
            Set<String> all = new LinkedHashSet<>(replaceOn);
            replaceWhen.forEach(c -> all.addAll(c.inputs()));
            return all;
        }
    }

    private final String provider;
    private final Map<String, Facts> types;

    private ForcingTable(String provider, Map<String, Facts> types) {
        this.provider = provider;
        this.types = Map.copyOf(types);
    }

    private static final ForcingTable BUNDLED = read();

    /** The table shipped with the program. */
    public static ForcingTable bundled() {
        return BUNDLED;
    }

    private static ForcingTable read() {
        try (InputStream in = ForcingTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonObject root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            Map<String, Facts> types = new LinkedHashMap<>();
            for (var e : root.getAsJsonObject("types").entrySet()) {
                JsonObject t = e.getValue().getAsJsonObject();
                List<Conditional> conditionals = new ArrayList<>();
                for (JsonElement c : t.getAsJsonArray("replaceWhen")) {
                    JsonObject o = c.getAsJsonObject();
                    conditionals.add(new Conditional(strings(o.get("inputs")), o.get("rule").getAsString(),
                            o.get("when").getAsString()));
                }
                Map<String, String> avoid = new LinkedHashMap<>();
                if (t.has("avoid")) {
                    t.getAsJsonObject("avoid").entrySet().forEach(a -> avoid.put(a.getKey(), a.getValue().getAsString()));
                }
                types.put(e.getKey(), new Facts(e.getKey(), t.get("terraform").getAsString(),
                        t.get("provider").getAsString(), t.get("source").getAsString(), t.get("evidence").getAsString(),
                        strings(t.get("replaceOn")), Set.copyOf(strings(t.get("onlyWhenSet"))), List.copyOf(conditionals),
                        text(t, "autoNamed"), t.get("deleteBeforeReplace").getAsBoolean(), text(t, "stateful"),
                        text(t, "statefulWhenUsed"), Map.copyOf(avoid), text(t, "note"),
                        t.has("unverified") && t.get("unverified").getAsBoolean()));
            }
            return new ForcingTable(root.get("provider").getAsString(), types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonElement array) {
        List<String> out = new ArrayList<>();
        array.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        return List.copyOf(out);
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    /** The provider version the table describes. */
    public String provider() {
        return provider;
    }

    public Optional<Facts> facts(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /** Every type the table covers. */
    public Set<String> types() {
        return types.keySet();
    }
}
