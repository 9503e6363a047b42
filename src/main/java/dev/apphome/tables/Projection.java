package dev.apphome.tables;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

import java.util.List;

/** Which attributes a global secondary index holds besides the keys. */
@Choice
public sealed interface Projection {

    /** Every attribute of the item. */
    @Variant("all")
    record All() implements Projection {
    }

    /** Only the table's and the index's keys. */
    @Variant("keysOnly")
    record KeysOnly() implements Projection {
    }

    /**
     * The keys and the attributes named.
     *
     * @param nonKeyAttributes attributes copied into the index
     */
    @Variant("include")
    record Include(@Key(doc = "attributes copied into the index besides the keys", required = true,
            allowed = "a list of attribute names such as [total, status]", onlyBecause = "the other projections copy all attributes or none") List<String> nonKeyAttributes)
            implements Projection {
        public Include {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    /** DynamoDB's name of the projection type. */
    default String type() {
        return this instanceof All ? "ALL" : this instanceof KeysOnly ? "KEYS_ONLY" : "INCLUDE";
    }
}
