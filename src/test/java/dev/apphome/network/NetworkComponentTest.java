package dev.apphome.network;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.support.Components;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The VPC alone, with settings built here. Mocks cannot prove the region has the AZs asked for, nor
 * that managed replication (Multi-AZ standbys, Aurora and cache replicas) stays off the customer
 * subnets, so that the isolated tier's ACL need not admit it; the ACL tests pin every rule AWS would
 * evaluate for the traffic that does cross it.
 */
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

    private static final String ACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";

    /** A VPC whose isolated tier hosts stores listening on {@code ports}, with or without one calling another. */
    private static dev.apphome.plan.PlanRunner.Result isolatedTier(Map<String, Object> values, boolean internal,
                                                                   int... ports) {
        var settings = Components.settings(NetworkSettings.class, values);
        return Components.declare(s -> {
            var network = new Network("vpc", settings, s.aws(), s.keyArn(), s.protection(), ComponentResourceOptions.Empty);
            for (int port : ports) {
                network.admitToIsolatedTier(port);
            }
            network.admitToIsolatedTier(ports[0]);
            if (internal) {
                network.connectWithinIsolatedTier();
            }
            network.applyIsolatedAcl();
        });
    }

    /** "direction number from-to cidr" for every rule of the isolated tier's ACL, sorted. */
    private static List<String> aclRules(dev.apphome.plan.PlanRunner.Result plan) {
        return plan.ofType(ACL_RULE).stream()
                .map(r -> (Boolean.TRUE.equals(r.input("egress")) ? "out " : "in ") + r.input("ruleNumber") + " "
                        + r.input("protocol") + " " + r.input("fromPort") + "-" + r.input("toPort") + " "
                        + r.inputString("cidrBlock") + " " + r.inputString("ruleAction"))
                .sorted().toList();
    }

    @Test
    void theIsolatedTierAdmitsOnlyThePrivateSubnetsOnItsStorePortsAndRepliesToThem() {
        var plan = isolatedTier(Map.of(), false, 5432, 6379);

        // Private subnets are 10.0.0.0/20 and 10.0.16.0/20; numbers are 1000 × AZ + the port's last three digits,
        // so a store added or removed later leaves every other rule in place. AWS's deny-all rule ends both lists.
        assertEquals(List.of(
                "in 1379 tcp 6379-6379 10.0.0.0/20 allow",
                "in 1432 tcp 5432-5432 10.0.0.0/20 allow",
                "in 2379 tcp 6379-6379 10.0.16.0/20 allow",
                "in 2432 tcp 5432-5432 10.0.16.0/20 allow",
                "out 1000 tcp 1024-65535 10.0.0.0/20 allow",
                "out 2000 tcp 1024-65535 10.0.16.0/20 allow"), aclRules(plan));
        assertEquals(List.of("vpc-isolated-acl-in-private-1-5432", "vpc-isolated-acl-in-private-1-6379",
                        "vpc-isolated-acl-in-private-2-5432", "vpc-isolated-acl-in-private-2-6379",
                        "vpc-isolated-acl-out-private-1-ephemeral", "vpc-isolated-acl-out-private-2-ephemeral"),
                dev.apphome.support.Plans.names(plan.ofType(ACL_RULE)));
        var acl = plan.named("aws:ec2/networkAcl:NetworkAcl", "vpc-isolated-acl");
        assertEquals(null, acl.input("ingress"), "standalone rules only: inline ones would delete them");
        assertEquals(null, acl.input("subnetIds"));
        assertEquals(List.of(acl.urn()), plan.ofType(ACL_RULE).stream()
                .flatMap(r -> dev.apphome.support.Plans.sources(plan, r, "networkAclId").stream()).map(r -> r.urn())
                .distinct().toList());
    }

    @Test
    void theIsolatedSubnetsSwitchToTheAclOnlyOnceEveryRuleExists() {
        var plan = isolatedTier(Map.of(), false, 3306);
        var associations = plan.ofType("aws:ec2/networkAclAssociation:NetworkAclAssociation");

        assertEquals(List.of("vpc-isolated-1", "vpc-isolated-2"), associations.stream()
                .map(a -> dev.apphome.support.Plans.source(plan, a, "subnetId").name()).sorted().toList());
        var rules = plan.ofType(ACL_RULE).stream().map(r -> r.urn()).sorted().toList();
        for (var association : associations) {
            assertEquals(rules, association.dependencies().stream().filter(rules::contains).sorted().toList());
        }
    }

    @Test
    void aStoreThatCallsAnotherInTheTierOpensTheTierToItself() {
        var plan = isolatedTier(Map.of("availabilityZones", 3), true, 5432);

        // Isolated subnets are 10.0.51.0/24 … 10.0.53.0/24 with three AZs.
        assertEquals(List.of(
                "in 10001 tcp 1024-65535 10.0.51.0/24 allow",
                "in 10002 tcp 1024-65535 10.0.52.0/24 allow",
                "in 10003 tcp 1024-65535 10.0.53.0/24 allow",
                "in 1432 tcp 5432-5432 10.0.0.0/20 allow",
                "in 2432 tcp 5432-5432 10.0.16.0/20 allow",
                "in 3432 tcp 5432-5432 10.0.32.0/20 allow",
                "out 1000 tcp 1024-65535 10.0.0.0/20 allow",
                "out 10001 tcp 1024-65535 10.0.51.0/24 allow",
                "out 10002 tcp 1024-65535 10.0.52.0/24 allow",
                "out 10003 tcp 1024-65535 10.0.53.0/24 allow",
                "out 2000 tcp 1024-65535 10.0.16.0/20 allow",
                "out 3000 tcp 1024-65535 10.0.32.0/20 allow"), aclRules(plan));
    }

    @Test
    void aStackMayLeaveTheIsolatedTierOnTheDefaultAcl() {
        var plan = isolatedTier(Map.of("isolatedAcl", false), true, 5432);

        assertEquals(List.of(), plan.ofType("aws:ec2/networkAcl:NetworkAcl"));
        assertEquals(List.of(), plan.ofType(ACL_RULE));
        assertEquals(List.of(), plan.ofType("aws:ec2/networkAclAssociation:NetworkAclAssociation"));
    }

    @Test
    void aTierWithoutStoresGetsNoAcl() {
        var plan = plan(Map.of());

        assertEquals(List.of(), plan.ofType("aws:ec2/networkAcl:NetworkAcl"));
    }

    @Test
    void twoPortsThatWouldShareRuleNumbersAreRefused() {
        var settings = Components.settings(NetworkSettings.class, Map.of());
        var e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> Components.declare(s -> {
            var network = new Network("vpc", settings, s.aws(), s.keyArn(), s.protection(), ComponentResourceOptions.Empty);
            network.admitToIsolatedTier(5432);
            network.admitToIsolatedTier(6432);
        }));

        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(
                "ports 5432 and 6432 would share network ACL rule numbers (both end in 432)"), e.getMessage());
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
