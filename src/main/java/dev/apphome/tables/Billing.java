package dev.apphome.tables;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

/** How a table pays for reads and writes. */
@Choice
public sealed interface Billing {

    /** Per request: nothing to size, nothing to scale; the default. */
    @Variant("onDemand")
    record OnDemand() implements Billing {
    }

    /**
     * Provisioned capacity for the table and each of its indexes, autoscaled by target tracking.
     *
     * @param readCapacity  read capacity units and how they scale
     * @param writeCapacity write capacity units and how they scale
     */
    @Variant("provisioned")
    record Provisioned(
            @Key(doc = "read capacity of the table and of each index", after = "billing", onlyBecause = "an on-demand table has no "
                    + "capacity to set") Capacity readCapacity,
            @Key(doc = "write capacity of the table and of each index", after = "readCapacity", onlyBecause = "an on-demand table has no "
                    + "capacity to set") Capacity writeCapacity) implements Billing {
    }
}
