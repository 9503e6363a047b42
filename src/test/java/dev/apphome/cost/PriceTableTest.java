package dev.apphome.cost;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed price table is complete and consistent: every item has every region with a
 * status and a known source, null exactly when the status is missing, and the ratios AWS keeps
 * between related prices hold (the sanity checks the README asks for after a refresh).
 */
class PriceTableTest {

    private static final Set<String> STATUSES = Set.of("confirmed", "derived", "snapshot", "estimate", "assumed-uniform", "missing");

    private static JsonObject raw() {
        return JsonParser.parseReader(new InputStreamReader(PriceTable.class.getResourceAsStream(PriceTable.RESOURCE),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void everyItemHasEveryRegionWithAStatusAndASourceAndNullOnlyWhenMissing() {
        JsonObject table = raw();
        JsonObject sources = table.getAsJsonObject("sources");
        List<String> problems = new ArrayList<>();
        table.getAsJsonObject("items").entrySet().forEach(item -> {
            for (var region : table.getAsJsonArray("regions")) {
                JsonObject entry = item.getValue().getAsJsonObject().getAsJsonObject(region.getAsString());
                String where = item.getKey() + " in " + region.getAsString();
                if (entry == null) {
                    problems.add(where + " is absent");
                    continue;
                }
                String status = entry.get("status").getAsString();
                boolean missing = entry.get("price").isJsonNull();
                if (!STATUSES.contains(status) || missing != status.equals("missing")) {
                    problems.add(where + ": status " + status + " with price " + entry.get("price"));
                }
                if (entry.has("source") && !sources.has(entry.get("source").getAsString())) {
                    problems.add(where + ": unknown source " + entry.get("source"));
                }
                if (!entry.has("source") && !status.equals("missing") && !status.equals("assumed-uniform")) {
                    problems.add(where + " has no source");
                }
            }
        });
        assertEquals(List.of(), problems);
        assertEquals(151, table.getAsJsonObject("items").size());
        assertEquals(List.of("us-east-1", "eu-west-1", "sa-east-1"), PriceTable.standard().regions());
        assertEquals(730, PriceTable.standard().hoursPerMonth());
    }

    @Test
    void relatedPricesKeepTheRatiosAwsUses() throws BadInputException {
        List<String> problems = new ArrayList<>();
        for (String name : PriceTable.standard().regions()) {
            PriceTable.Region region = PriceTable.standard().region(name);
            raw().getAsJsonObject("items").keySet().forEach(key -> {
                if (key.endsWith(".multiAz")) {
                    // Prices are rounded to a tenth of a cent: MySQL db.t4g.small is 0.065 / 0.032 = 2.031.
                    ratio(region, key, key.replace(".multiAz", ".singleAz"), "1.97", "2.04", problems);
                }
                if (key.startsWith("elasticache.valkey.")) {
                    ratio(region, key, key.replace(".valkey.", ".redis."), "0.79", "0.81", problems);
                }
            });
            ratio(region, "fargate.arm.vcpuHour", "fargate.x86.vcpuHour", "0.79", "0.81", problems);
        }
        assertEquals(List.of(), problems);
    }

    private static void ratio(PriceTable.Region region, String key, String base, String low, String high, List<String> problems) {
        var a = region.find(key);
        var b = region.find(base);
        if (a == null || b == null || a.value() == null || b.value() == null) {
            return;
        }
        BigDecimal r = a.value().divide(b.value(), MathContext.DECIMAL64);
        if (r.compareTo(new BigDecimal(low)) < 0 || r.compareTo(new BigDecimal(high)) > 0) {
            problems.add(region.name() + " " + key + " / " + base + " = " + r);
        }
    }
}
