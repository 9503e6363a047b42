package dev.apphome.cost;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed, dated price table ({@value #RESOURCE}): for every item and region a price (or
 * null when none was found), its status and its source. Prices are kept as decimals so that every
 * line can be checked by hand to the cent.
 */
public final class PriceTable {

    static final String RESOURCE = "/prices/aws-prices.json";
    /** Where the table lives in the repository. */
    public static final String FILE = "src/main/resources/prices/aws-prices.json";

    private final String id;
    private final String date;
    private final int hoursPerMonth;
    private final List<String> regions;
    private final Map<String, JsonObject> items;

    private PriceTable(JsonObject root) {
        this.id = root.get("id").getAsString();
        this.date = root.get("date").getAsString();
        this.hoursPerMonth = root.get("hoursPerMonth").getAsInt();
        this.regions = new ArrayList<>();
        root.getAsJsonArray("regions").forEach(r -> regions.add(r.getAsString()));
        this.items = new LinkedHashMap<>();
        root.getAsJsonObject("items").entrySet().forEach(e -> items.put(e.getKey(), e.getValue().getAsJsonObject()));
    }

    private static PriceTable loaded;

    /** The table shipped with the program. */
    public static synchronized PriceTable standard() {
        if (loaded == null) {
            try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                loaded = new PriceTable(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    public String id() {
        return id;
    }

    public String date() {
        return date;
    }

    public int hoursPerMonth() {
        return hoursPerMonth;
    }

    public List<String> regions() {
        return List.copyOf(regions);
    }

    /** The prices of one region; a region the table does not cover is refused, never guessed. */
    public Region region(String region) throws BadInputException {
        if (!regions.contains(region)) {
            throw new BadInputException("The price table " + id + " has no prices for region " + region
                    + "; it covers " + String.join(", ", regions) + ". bin/cost does not guess prices from another region: "
                    + "add the region to " + FILE + " (README.md, \"Refreshing the price table\").");
        }
        return new Region(region);
    }

    /** One item's price in one region. {@code value} is null when no figure was found. */
    public record Price(String key, BigDecimal value, String unit, String status, String source, String basis) {
    }

    /** The prices of one region. */
    public final class Region {

        private final String name;

        private Region(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** The price of {@code key}, or an {@link Unpriceable} saying why there is none. */
        Price get(String key, String what) {
            Price price = find(key);
            if (price == null) {
                throw new Unpriceable("the price table has no item " + key + " (" + what + ")");
            }
            if (price.value() == null) {
                throw new Unpriceable("no " + name + " price for " + what + " (" + key + ", status " + price.status()
                        + ": no figure was found when the table was compiled)");
            }
            return price;
        }

        /** The price, or null when the table has no such item; the price's value may be null. */
        public Price find(String key) {
            JsonObject item = items.get(key);
            if (item == null) {
                return null;
            }
            JsonObject entry = item.getAsJsonObject(name);
            JsonElement value = entry.get("price");
            return new Price(key, value == null || value.isJsonNull() ? null : value.getAsBigDecimal(),
                    item.get("unit").getAsString(), entry.get("status").getAsString(),
                    entry.has("source") ? entry.get("source").getAsString() : "",
                    entry.has("basis") ? entry.get("basis").getAsString() : "");
        }
    }
}
