package dev.apphome.tables;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;

/**
 * A global secondary index of a table ({@code tables.<name>.indexes.<index>}).
 *
 * @param name         the index's name, as queries name it
 * @param partitionKey the index's partition key: one of the table's declared attributes
 * @param sortKey      the index's sort key, if it has one
 * @param projection   which attributes the index holds
 */
public record IndexSettings(
        @Name(noun = "index", pattern = "[A-Za-z0-9_.-]{3,255}", allowed = "3 to 255 letters, digits, _, . and - "
                + "(DynamoDB's rule for index names)") String name,
        @Key(doc = "the index's partition key: an attribute in `attributes`", required = true,
                allowed = "the name of an attribute in attributes") String partitionKey,
        @Key(doc = "the index's sort key: an attribute in `attributes`; none: partition key only") String sortKey,
        @Key(doc = "`all`, `keysOnly`, or `include` with `nonKeyAttributes`", dflt = "all") Projection projection) {
}
