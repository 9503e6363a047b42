package dev.apphome.tables;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * Provisioned read or write capacity of a table (and of each of its indexes), kept by target
 * tracking between a floor and a ceiling.
 *
 * @param min           capacity units autoscaling never goes below; also the capacity a new table starts with
 * @param max           capacity units autoscaling never goes above
 * @param targetPercent share of the provisioned capacity that autoscaling keeps consumed
 */
public record Capacity(
        @Key(doc = "capacity units autoscaling never goes below (a new table starts here)", dflt = "5", min = 1,
                max = 40000) int min,
        @Key(doc = "capacity units autoscaling never goes above", dflt = "100", min = 1, max = 40000) int max,
        // Application Auto Scaling accepts DynamoDB utilisation targets from 20 % to 90 %.
        @Key(doc = "consumed share of the provisioned capacity that autoscaling holds", unit = "%", dflt = "70", min = 20,
                max = 90) int targetPercent) {

    public static final List<Rule<Capacity>> RULES = List.of(
            Rule.of("max", c -> c.max >= c.min, c -> "found " + c.max + ", below min " + c.min
                    + "; allowed: at least min"));
}
