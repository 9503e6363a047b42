package dev.apphome.tables;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A DynamoDB table ({@code tables.<name>}): encrypted with the stack's key, point-in-time recovery
 * and deletion protection on unless the stack file turns them off, billed per request unless it
 * asks for autoscaled provisioned capacity.
 *
 * @param name                the table's name in the stack
 * @param attributes          every key attribute of the table and its indexes, with its type
 * @param partitionKey        the table's partition key
 * @param sortKey             the table's sort key, if it has one
 * @param indexes             global secondary indexes, by name
 * @param billing             on demand, or provisioned and autoscaled
 * @param ttlAttribute        the attribute holding each item's expiry time, if items expire
 * @param stream              what the change stream holds, if the table has one
 * @param pointInTimeRecovery whether continuous backups allow restoring any second of the last 35 days
 * @param deletionProtection  whether AWS refuses to delete the table
 */
public record TableSettings(
        @Name(noun = "table", pattern = "[a-z][a-z0-9-]{0,38}[a-z0-9]", allowed = "2 to 40 lowercase letters, digits "
                + "and hyphens, starting with a letter (it becomes part of the table's name)") String name,
        @Key(doc = "the type of every key attribute of the table and its indexes (only keys are declared)",
                required = true, entry = "attribute", allowed = "an object of attribute names to S, N or B")
        Map<String, AttributeType> attributes,
        @Key(doc = "the table's partition key: an attribute in `attributes`", required = true,
                allowed = "the name of an attribute in attributes") String partitionKey,
        @Key(doc = "the table's sort key: an attribute in `attributes`; none: partition key only") String sortKey,
        @Key(doc = "global secondary indexes", entry = "index") Map<String, IndexSettings> indexes,
        @Key(doc = "`onDemand`: paid per request; `provisioned`: capacity autoscaled between `min` and `max`",
                dflt = "onDemand") Billing billing,
        @Key(doc = "attribute holding each item's expiry time (epoch seconds); none: items never expire",
                pattern = TableSettings.ATTRIBUTE, allowed = TableSettings.ATTRIBUTE_ALLOWED) String ttlAttribute,
        @Key(doc = "a change stream holding `newAndOldImages`, `newImage`, `oldImage` or `keysOnly`; none: no stream")
        StreamView stream,
        @Key(doc = "point-in-time recovery: restore any second of the last 35 days", dflt = "true")
        boolean pointInTimeRecovery,
        @Key(doc = "AWS deletion protection", dflt = "true") boolean deletionProtection) {

    /** Attribute names this program accepts: DynamoDB allows any 1 to 255 bytes for a key attribute. */
    static final String ATTRIBUTE = "[A-Za-z0-9_.-]{1,255}";
    static final String ATTRIBUTE_ALLOWED = "1 to 255 letters, digits, _, . and -";
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile(ATTRIBUTE);
    /** DynamoDB's default quota of global secondary indexes per table. */
    static final int MAX_INDEXES = 20;
    /** DynamoDB's limit on non-key attributes projected into all of a table's indexes together. */
    static final int MAX_PROJECTED = 100;

    public TableSettings {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        indexes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(indexes));
    }

    /** Every attribute some key uses: the table's keys, then each index's. */
    public Set<String> keyAttributes() {
        Set<String> used = new LinkedHashSet<>();
        used.add(partitionKey);
        if (sortKey != null) {
            used.add(sortKey);
        }
        indexes.values().forEach(i -> {
            used.add(i.partitionKey());
            if (i.sortKey() != null) {
                used.add(i.sortKey());
            }
        });
        return used;
    }

    public static final List<Rule<TableSettings>> RULES = List.of(
            Rule.each(t -> {
                List<Rule.Violation> found = new ArrayList<>();
                t.attributes.keySet().forEach(a -> {
                    if (!ATTRIBUTE_NAME.matcher(a).matches()) {
                        found.add(new Rule.Violation("attributes." + a, "attribute name '" + a + "' is not allowed; "
                                + "allowed: " + ATTRIBUTE_ALLOWED));
                    }
                });
                return found;
            }),
            Rule.each(t -> {
                List<Rule.Violation> found = new ArrayList<>();
                t.key(found, "partitionKey", t.partitionKey);
                t.key(found, "sortKey", t.sortKey);
                if (t.partitionKey.equals(t.sortKey)) {
                    found.add(new Rule.Violation("sortKey", "is the partition key '" + t.partitionKey + "'; allowed: "
                            + "another attribute, or no sort key"));
                }
                t.indexes.values().forEach(i -> {
                    String at = "indexes." + i.name() + ".";
                    t.key(found, at + "partitionKey", i.partitionKey());
                    t.key(found, at + "sortKey", i.sortKey());
                    if (i.partitionKey().equals(i.sortKey())) {
                        found.add(new Rule.Violation(at + "sortKey", "is the index's partition key '" + i.partitionKey()
                                + "'; allowed: another attribute, or no sort key"));
                    }
                });
                return found;
            }),
            Rule.each(t -> {
                // CreateTable refuses attribute definitions that no key schema uses.
                Set<String> used = t.keyAttributes();
                return t.attributes.keySet().stream().filter(a -> !used.contains(a))
                        .map(a -> new Rule.Violation("attributes." + a, "is declared but no key of the table or of an "
                                + "index uses it, and DynamoDB refuses such attribute definitions; allowed: only key "
                                + "attributes (other attributes need no declaration)"))
                        .toList();
            }),
            Rule.of("ttlAttribute", t -> t.ttlAttribute == null || !t.keyAttributes().contains(t.ttlAttribute),
                    t -> "found '" + t.ttlAttribute + "', which is a key attribute; allowed: an attribute that no key "
                            + "of the table or an index uses (a Number holding the expiry in epoch seconds)"),
            Rule.of("indexes", t -> t.indexes.size() <= MAX_INDEXES, t -> "declares " + t.indexes.size()
                    + " indexes; allowed: at most " + MAX_INDEXES + " (DynamoDB's quota per table)"),
            Rule.of("indexes", t -> t.projected() <= MAX_PROJECTED, t -> "project " + t.projected()
                    + " non-key attributes in all; allowed: at most " + MAX_PROJECTED + " across all indexes of a "
                    + "table (DynamoDB's limit)"),
            Rule.each(t -> t.indexes.values().stream()
                    .filter(i -> i.projection() instanceof Projection.Include inc && inc.nonKeyAttributes().isEmpty())
                    .map(i -> new Rule.Violation("indexes." + i.name() + ".nonKeyAttributes", "is empty; allowed: at "
                            + "least one attribute, or projection keysOnly"))
                    .toList()));

    /** Records a violation when {@code attribute} is set but not declared. */
    private void key(List<Rule.Violation> found, String key, String attribute) {
        if (attribute != null && !attributes.containsKey(attribute)) {
            found.add(new Rule.Violation(key, "names '" + attribute + "', which attributes does not declare; declared: "
                    + (attributes.isEmpty() ? "none" : String.join(", ", attributes.keySet()))
                    + "; allowed: a declared attribute"));
        }
    }

    private int projected() {
        return indexes.values().stream().mapToInt(i -> i.projection() instanceof Projection.Include inc
                ? inc.nonKeyAttributes().size() : 0).sum();
    }

    /** Whether the table is billed for provisioned capacity. */
    public boolean provisioned() {
        return billing instanceof Billing.Provisioned;
    }
}
