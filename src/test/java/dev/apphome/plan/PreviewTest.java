package dev.apphome.plan;

import dev.apphome.support.Stacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program under preview, where nothing AWS computes is known yet: it must still declare the
 * same resources (no resource may be declared inside an apply), and every cross-resource link must
 * be recorded as a dependency even though the linked id is unknown — the policy pack relies on it.
 */
class PreviewTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void previewDeclaresTheSameResourcesAsAnUpdate(String stack) {
        var preview = Stacks.preview(stack);
        var update = Stacks.plan(stack);

        assertEquals(update.resources().stream().map(PlannedResource::urn).sorted().toList(),
                preview.resources().stream().map(PlannedResource::urn).sorted().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void linksAreRecordedWhileTheirValuesAreUnknown(String stack) {
        var preview = Stacks.preview(stack);
        var route = preview.ofType("aws:ec2/route:Route").stream()
                .filter(r -> r.propertyDependencies().containsKey("gatewayId")).findFirst().orElseThrow();
        var service = preview.ofType("aws:ecs/service:Service").get(0);
        var instance = preview.ofType("aws:rds/instance:Instance").get(0);

        assertEquals(StructValues.UNKNOWN, route.input("gatewayId"));
        assertEquals(1, route.propertyDependencies().get("gatewayId").size());
        assertTrue(route.propertyDependencies().get("gatewayId").get(0).endsWith("InternetGateway::apphome-" + stack + "-igw"));
        assertEquals(stack.equals("dev") ? 3 : 4, service.propertyDependencies().get("networkConfiguration").size(),
                "private subnets and the service's security group");
        assertEquals(1, instance.propertyDependencies().get("dbSubnetGroupName").size());
        assertEquals(false, instance.input("publiclyAccessible"));
    }
}
