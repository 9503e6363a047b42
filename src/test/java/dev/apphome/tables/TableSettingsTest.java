package dev.apphome.tables;

import dev.apphome.Stores;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.Problem;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Table settings as a stack file writes them, and what DynamoDB would refuse, refused before anything is declared. */
class TableSettingsTest {

    private static List<String> problems(String tables) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL + tables));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aTableWithOnlyItsKeysIsOnDemandRecoverableAndProtected() {
        var table = Stacks.parse(Stacks.MINIMAL + "  apphome:tables:\n    orders: {attributes: {pk: S}, partitionKey: pk}\n")
                .named(Stores.TABLES).get("orders");

        assertEquals(new Billing.OnDemand(), table.billing());
        assertEquals(List.of(true, true), List.of(table.pointInTimeRecovery(), table.deletionProtection()));
        assertEquals(java.util.Map.of("pk", AttributeType.STRING), table.attributes());
    }

    @Test
    void anIndexKeyMustBeADeclaredAttribute() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:tables.orders.indexes.byStatus.partitionKey: names 'status', "
                        + "which attributes does not declare; declared: pk; allowed: a declared attribute"),
                problems("  apphome:tables:\n    orders: {attributes: {pk: S}, partitionKey: pk, "
                        + "indexes: {byStatus: {partitionKey: status}}}\n"));
    }

    @Test
    void anAttributeNoKeyUsesIsRefusedAsDynamoDbWould() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:tables.orders.attributes.total: is declared but no key of the "
                        + "table or of an index uses it, and DynamoDB refuses such attribute definitions; allowed: only "
                        + "key attributes (other attributes need no declaration)"),
                problems("  apphome:tables:\n    orders: {attributes: {pk: S, total: N}, partitionKey: pk}\n"));
    }

    @Test
    void capacityIsRefusedOnAnOnDemandTable() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:tables.orders.readCapacity: is set with billing onDemand; "
                        + "allowed only with billing provisioned (an on-demand table has no capacity to set)"),
                problems("  apphome:tables:\n    orders: {attributes: {pk: S}, partitionKey: pk, readCapacity: {max: 50}}\n"));
    }

    @Test
    void theExpiryAttributeCannotBeAKey() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:tables.orders.ttlAttribute: found 'sk', which is a key "
                        + "attribute; allowed: an attribute that no key of the table or an index uses (a Number holding "
                        + "the expiry in epoch seconds)"),
                problems("  apphome:tables:\n    orders: {attributes: {pk: S, sk: N}, partitionKey: pk, sortKey: sk, "
                        + "ttlAttribute: sk}\n"));
    }

    @Test
    void namesOutsideDynamoDbsLimitsAreRefused() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:tables.Orders_2024: table name 'Orders_2024' is not allowed; "
                        + "allowed: 2 to 40 lowercase letters, digits and hyphens, starting with a letter (it becomes "
                        + "part of the table's name)",
                        "Pulumi.test.yaml: apphome:tables.Orders_2024.indexes.by: index name 'by' is not allowed; "
                        + "allowed: 3 to 255 letters, digits, _, . and - (DynamoDB's rule for index names)"),
                problems("  apphome:tables:\n    Orders_2024: {attributes: {pk: S}, partitionKey: pk, "
                        + "indexes: {by: {partitionKey: pk}}}\n"));
    }

    @Test
    void aTypeOtherThanSNOrBIsNamedWithWhatIsAllowed() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:tables.orders.attributes.pk: found 'string'; allowed: one of S, N, B"),
                problems("  apphome:tables:\n    orders: {attributes: {pk: string}, partitionKey: pk}\n"));
    }

    @Test
    void anIncludeProjectionNeedsItsAttributesAndOtherProjectionsRefuseThem() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:tables.orders.indexes.a-index.nonKeyAttributes: is required; "
                        + "allowed: a list of attribute names such as [total, status]",
                        "Pulumi.test.yaml: apphome:tables.orders.indexes.b-index.nonKeyAttributes: is set with projection "
                        + "keysOnly; allowed only with projection include (the other projections copy all attributes or "
                        + "none)"),
                problems("  apphome:tables:\n    orders: {attributes: {pk: S}, partitionKey: pk, indexes: {"
                        + "a-index: {partitionKey: pk, projection: include}, "
                        + "b-index: {partitionKey: pk, projection: keysOnly, nonKeyAttributes: [total]}}}\n"));
    }

    @Test
    void aServiceMayUseOnlyADeclaredTable() {
        String yaml = Stacks.MINIMAL.replace("routing:", "uses: {tables: {orderz: read}}\n      routing:")
                + "  apphome:tables:\n    orders: {attributes: {pk: S}, partitionKey: pk}\n";
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(yaml));

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.web.uses.tables.orderz: names table 'orderz', which "
                + "apphome:tables does not declare; did you mean 'orders'?; declared: orders"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
