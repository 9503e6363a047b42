package dev.apphome.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every resource type bin/cost knows: how it is priced, which usage quantities it takes, or why it
 * is free or cannot be priced. One registration per type, grouped by area in the *Costs classes.
 * A type nobody registered is reported as unpriced, never as free.
 */
final class Catalog {

    /** A type's pricer and the usage-file quantities its usage lines read (key → meaning). */
    record Entry(Pricer pricer, Map<String, String> usageKeys) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    static Catalog standard() {
        Catalog catalog = new Catalog();
        NetworkCosts.register(catalog);
        ComputeCosts.register(catalog);
        DataCosts.register(catalog);
        MessagingCosts.register(catalog);
        SecurityCosts.register(catalog);
        ObservabilityCosts.register(catalog);
        StorageCosts.register(catalog);
        return catalog;
    }

    /** Registers a priced type; {@code usage} lists its usage keys as key, meaning, key, meaning, … */
    void priced(String type, Pricer pricer, String... usage) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i + 1 < usage.length; i += 2) {
            keys.put(usage[i], usage[i + 1]);
        }
        put(type, new Entry(pricer, keys));
    }

    void free(String type, String reason) {
        put(type, new Entry((r, p) -> Outcome.free(reason), Map.of()));
    }

    void unpriced(String type, String reason) {
        put(type, new Entry((r, p) -> new Outcome.Unpriced(reason), Map.of()));
    }

    private void put(String type, Entry entry) {
        if (entries.putIfAbsent(type, entry) != null) {
            throw new IllegalStateException(type + " is registered twice");
        }
    }

    Map<String, String> usageKeys(String type) {
        Entry entry = entries.get(type);
        return entry == null ? Map.of() : entry.usageKeys();
    }

    /** Every registered type with its usage keys, for documentation. */
    Map<String, Map<String, String>> usageKeysByType() {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        entries.forEach((type, entry) -> {
            if (!entry.usageKeys().isEmpty()) {
                result.put(type, entry.usageKeys());
            }
        });
        return result;
    }

    Outcome price(Resource resource, Pricing pricing) {
        Entry entry = entries.get(resource.type());
        if (entry != null) {
            try {
                return entry.pricer().price(resource, pricing);
            } catch (Unpriceable e) {
                return new Outcome.Unpriced(e.reason());
            }
        }
        String type = resource.type();
        if (type.startsWith("pulumi:providers:")) {
            return Outcome.free("a Pulumi provider, not a cloud resource");
        }
        if (type.startsWith("random:")) {
            return Outcome.free("a value Pulumi generates; no cloud resource");
        }
        if (!type.startsWith("aws:")) {
            return new Outcome.Unpriced("not an AWS resource; outside this estimate");
        }
        return new Outcome.Unpriced("bin/cost has no pricing rule for " + type + " yet");
    }
}
