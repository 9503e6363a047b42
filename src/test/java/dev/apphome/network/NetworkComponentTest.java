package dev.apphome.network;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.support.Components;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The VPC alone, with settings built here. Mocks cannot prove the region has the AZs asked for. */
class NetworkComponentTest {

    private static dev.apphome.plan.PlanRunner.Result plan(Map<String, Object> values) {
        var settings = Components.settings(NetworkSettings.class, values);
        return Components.declare(s -> new Network("vpc", settings, s.aws(), s.keyArn(), s.protection(),
                ComponentResourceOptions.Empty));
    }

    @ParameterizedTest(name = "{0} over {1} AZs")
    @CsvSource({"single, 4, 1", "onePerAz, 4, 4", "onePerAz, 2, 2"})
    void natGatewaysFollowTheStrategy(String strategy, int zones, int gateways) {
        var plan = plan(Map.of("natGateways", strategy, "availabilityZones", zones));

        assertEquals(gateways, plan.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(zones * 3, plan.ofType("aws:ec2/subnet:Subnet").size());
        // One private route table per AZ, each with a default route through a gateway.
        assertEquals(zones, plan.ofType("aws:ec2/route:Route").stream()
                .filter(r -> r.name().startsWith("vpc-private-")).count());
    }

    @Test
    void withoutNatTheTasksReachAwsThroughInterfaceEndpoints() {
        var plan = plan(Map.of("natGateways", "none", "interfaceEndpoints", true));

        assertEquals(List.of(), plan.ofType("aws:ec2/natGateway:NatGateway"));
        assertEquals(List.of("com.amazonaws.eu-west-1.dynamodb", "com.amazonaws.eu-west-1.ecr.api",
                        "com.amazonaws.eu-west-1.ecr.dkr", "com.amazonaws.eu-west-1.logs", "com.amazonaws.eu-west-1.s3",
                        "com.amazonaws.eu-west-1.secretsmanager"),
                plan.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream().map(r -> r.inputString("serviceName")).sorted().toList());
        assertEquals(List.of("vpc-private-1", "vpc-private-2"), plan.ofType("aws:ec2/routeTable:RouteTable").stream()
                .map(r -> r.name()).filter(n -> n.startsWith("vpc-private")).sorted().toList());
        assertEquals(List.of(), plan.ofType("aws:ec2/route:Route").stream().filter(r -> r.name().startsWith("vpc-private")).toList());
    }

    @Test
    void flowLogsGoToAnEncryptedLogGroupForTheDaysAsked() {
        var plan = plan(Map.of("flowLogRetentionDays", 365));
        var group = plan.named("aws:cloudwatch/logGroup:LogGroup", "vpc-flow-logs");

        assertEquals(365L, group.input("retentionInDays"));
        assertEquals("aws:kms/key:Key", dev.apphome.support.Plans.source(plan, group, "kmsKeyId").type());
    }

    @Test
    void theFlowLogRoleMayFindItsGroupAndTheFlowLogWaitsForThePermissions() {
        var plan = plan(Map.of());
        var policy = plan.named("aws:iam/rolePolicy:RolePolicy", "vpc-flow-logs");
        var statements = dev.apphome.support.Json.statements(policy, "policy");

        assertEquals(List.of("WriteFlowLogs", "FindFlowLogGroup"), statements.stream().map(st -> st.get("Sid")).toList());
        assertEquals(List.of("logs:DescribeLogGroups"), statements.get(1).get("Action"));
        assertEquals(List.of("arn:aws:logs:eu-west-1:123456789012:log-group:*"), statements.get(1).get("Resource"));
        assertEquals(true, plan.named("aws:ec2/flowLog:FlowLog", "vpc-flow-log").dependencies().contains(policy.urn()));
    }

    @Test
    void aQueueAddsAnSqsEndpointToANetworkWithoutNat() {
        var plan = dev.apphome.support.Stacks.anyPlan("no-nat");

        assertEquals("com.amazonaws.eu-west-1.sqs", plan.named("aws:ec2/vpcEndpoint:VpcEndpoint", "apphome-no-nat-sqs")
                .inputString("serviceName"));
    }

    @Test
    void askingForMoreZonesThanTheRegionHasSaysSo() {
        // The mocks answer with three zones, as most regions have.
        var mocks = new dev.apphome.plan.PlanMocks("eu-west-1", false) {
            @Override
            public java.util.concurrent.CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                if (args.token.equals("aws:index/getAvailabilityZones:getAvailabilityZones")) {
                    return java.util.concurrent.CompletableFuture.completedFuture(Map.of("names",
                            List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), "id", "eu-west-1"));
                }
                return super.callAsync(args);
            }
        };
        var settings = Components.settings(NetworkSettings.class, Map.of("availabilityZones", 4));
        var e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> dev.apphome.plan.PlanRunner.runProgram(
                "apphome", "test", new dev.apphome.config.ConfigSource("Pulumi.test.yaml", Map.of("aws:region", "eu-west-1"),
                        java.util.Set.of()), false, mocks, ctx -> new Network("vpc", settings,
                        new dev.apphome.common.AwsContext(com.pulumi.core.Output.of("123456789012"), "eu-west-1", "aws"),
                        com.pulumi.core.Output.of("arn:aws:kms:eu-west-1:123456789012:key/k"),
                        new dev.apphome.common.Protection(false), ComponentResourceOptions.Empty)));

        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("network.availabilityZones is 4 but region "
                + "eu-west-1 has 3 Availability Zones available to this account (eu-west-1a, eu-west-1b, eu-west-1c); set "
                + "availabilityZones to at most 3"), e.getMessage());
    }

    @Test
    void subnetsAreMappedToZonesWhateverAZonesStateAtPlanTime() {
        // Subnet N sits in the Nth zone of the list. Filtering the list by state would let an AZ that is
        // impaired during one preview drop out, moving every later subnet to another zone (ForceNew).
        var mocks = org.mockito.Mockito.spy(new dev.apphome.plan.PlanMocks("eu-west-1", false));
        var settings = Components.settings(NetworkSettings.class, Map.of());
        dev.apphome.plan.PlanRunner.runProgram("apphome", "test", new dev.apphome.config.ConfigSource("Pulumi.test.yaml",
                Map.of("aws:region", "eu-west-1"), java.util.Set.of()), false, mocks, ctx -> new Network("vpc", settings,
                new dev.apphome.common.AwsContext(com.pulumi.core.Output.of("123456789012"), "eu-west-1", "aws"),
                com.pulumi.core.Output.of("arn:aws:kms:eu-west-1:123456789012:key/k"),
                new dev.apphome.common.Protection(false), ComponentResourceOptions.Empty));

        var calls = org.mockito.ArgumentCaptor.forClass(com.pulumi.test.Mocks.CallArgs.class);
        org.mockito.Mockito.verify(mocks, org.mockito.Mockito.atLeastOnce()).callAsync(calls.capture());
        var zones = calls.getAllValues().stream()
                .filter(c -> c.token.equals("aws:index/getAvailabilityZones:getAvailabilityZones")).toList();
        assertEquals(1, zones.size());
        assertEquals(java.util.Set.of("filters"), zones.get(0).args.keySet());
        assertEquals(List.of(Map.of("name", "opt-in-status", "values", List.of("opt-in-not-required"))),
                zones.get(0).args.get("filters"));
    }
}
