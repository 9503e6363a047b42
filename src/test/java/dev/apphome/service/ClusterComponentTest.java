package dev.apphome.service;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.support.Components;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster alone. Mocks cannot show that a brand-new account lacks the ECS service-linked role. */
class ClusterComponentTest {

    private static dev.apphome.plan.PlanRunner.Result plan(Map<String, Object> values) {
        return Components.declare(s -> new Cluster("cluster", Components.settings(ClusterSettings.class, values),
                "test.internal", s.protection(), ComponentResourceOptions.Empty));
    }

    @Test
    void aNewAccountsStackCreatesTheServiceLinkedRoleBeforeTheCapacityProviders() {
        var plan = plan(Map.of("createServiceLinkedRole", true));
        var role = plan.named("aws:iam/serviceLinkedRole:ServiceLinkedRole", "cluster-ecs-role");

        assertEquals("ecs.amazonaws.com", role.inputString("awsServiceName"));
        assertTrue(plan.named("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "cluster-capacity")
                .dependencies().contains(role.urn()));
    }

    @Test
    void byDefaultTheRoleIsLeftToEcs() {
        assertEquals(List.of(), plan(Map.of()).ofType("aws:iam/serviceLinkedRole:ServiceLinkedRole"));
    }
}
