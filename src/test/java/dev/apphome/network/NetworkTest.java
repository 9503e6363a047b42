package dev.apphome.network;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.dependents;
import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static dev.apphome.support.Plans.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network as planned for the committed stacks. Mocks cannot prove that AWS accepts the
 * CIDRs in the chosen region's AZs; they prove the wiring: which table each subnet uses and where
 * each table's default route goes.
 */
class NetworkTest {

    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";

    /** The route table a subnet is associated with, through the recorded dependencies. */
    private static PlannedResource tableOf(PlanRunner.Result plan, PlannedResource subnet) {
        List<PlannedResource> associations = dependents(plan, subnet, ASSOCIATION, "subnetId");
        assertEquals(1, associations.size(), subnet.name() + " has one association");
        return source(plan, associations.get(0), "routeTableId");
    }

    private static List<PlannedResource> routesOf(PlanRunner.Result plan, PlannedResource table) {
        return dependents(plan, table, ROUTE, "routeTableId");
    }

    @ParameterizedTest
    @CsvSource({"dev, 2, 0", "prod, 3, 3", "minimal, 2, 1"})
    void eachTierHasOneSubnetPerZoneAndNatFollowsTheStrategy(String stack, int zones, int nats) {
        var plan = Stacks.anyPlan(stack);

        for (String tier : List.of("public", "private", "isolated")) {
            assertEquals(zones, plan.ofType(SUBNET).stream().filter(s -> tier.equals(s.inputString("tags.tier"))).count());
        }
        assertEquals(nats, plan.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(nats, plan.ofType("aws:ec2/eip:Eip").size());
        assertEquals(1, plan.ofType("aws:ec2/internetGateway:InternetGateway").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSubnetHandsOutPublicAddresses(String stack) {
        var subnets = Stacks.plan(stack).ofType(SUBNET);

        assertTrue(subnets.stream().allMatch(s -> Boolean.FALSE.equals(s.input("mapPublicIpOnLaunch"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyPublicSubnetsRouteToTheInternetGateway(String stack) {
        var plan = Stacks.plan(stack);

        for (PlannedResource subnet : plan.ofType(SUBNET)) {
            String tier = subnet.inputString("tags.tier");
            List<PlannedResource> routes = routesOf(plan, tableOf(plan, subnet));
            switch (tier) {
                case "public" -> {
                    assertEquals(1, routes.size());
                    assertEquals("0.0.0.0/0", routes.get(0).inputString("destinationCidrBlock"));
                    assertEquals("aws:ec2/internetGateway:InternetGateway", source(plan, routes.get(0), "gatewayId").type());
                }
                case "private" -> {
                    assertEquals(1, routes.size());
                    assertEquals("0.0.0.0/0", routes.get(0).inputString("destinationCidrBlock"));
                    assertNull(routes.get(0).input("gatewayId"));
                    // dev's egress is a NAT instance (natGateways: instance), prod's a gateway per AZ.
                    assertEquals(stack.equals("dev") ? "aws:ec2/instance:Instance" : "aws:ec2/natGateway:NatGateway",
                            source(plan, routes.get(0), stack.equals("dev") ? "networkInterfaceId" : "natGatewayId").type());
                }
                case "isolated" -> assertEquals(List.of(), routes, subnet.name() + " has no route out");
                default -> throw new AssertionError(tier);
            }
        }
    }

    @Test
    void withANatPerZoneEachPrivateSubnetUsesTheNatOfItsOwnZone() {
        var plan = Stacks.plan("prod");

        for (int zone = 1; zone <= 3; zone++) {
            var subnet = plan.named(SUBNET, "apphome-prod-private-" + zone);
            var route = routesOf(plan, tableOf(plan, subnet)).get(0);
            var nat = source(plan, route, "natGatewayId");
            assertEquals("apphome-prod-nat-" + zone, nat.name());
            assertEquals("apphome-prod-public-" + zone, source(plan, nat, "subnetId").name());
            assertEquals(subnet.inputString("availabilityZone"), source(plan, nat, "subnetId").inputString("availabilityZone"));
        }
    }

    @Test
    void aSingleNatServesEveryPrivateSubnetFromAPublicSubnet() {
        var plan = Stacks.anyPlan("minimal");

        for (String name : List.of("apphome-minimal-private-1", "apphome-minimal-private-2")) {
            var route = routesOf(plan, tableOf(plan, plan.named(SUBNET, name))).get(0);
            assertEquals("apphome-minimal-nat-1", source(plan, route, "natGatewayId").name());
        }
        assertEquals("apphome-minimal-public-1",
                source(plan, plan.named("aws:ec2/natGateway:NatGateway", "apphome-minimal-nat-1"), "subnetId").name());
    }

    @Test
    void devsNatInstanceServesEveryPrivateSubnetFromTheFirstPublicSubnet() {
        var plan = Stacks.plan("dev");

        for (String name : List.of("apphome-dev-private-1", "apphome-dev-private-2")) {
            var route = routesOf(plan, tableOf(plan, plan.named(SUBNET, name))).get(0);
            assertEquals("apphome-dev-nat-instance", source(plan, route, "networkInterfaceId").name());
        }
        assertEquals("apphome-dev-public-1",
                source(plan, plan.named("aws:ec2/instance:Instance", "apphome-dev-nat-instance"), "subnetId").name());
        assertEquals("t4g.nano", plan.named("aws:ec2/instance:Instance", "apphome-dev-nat-instance").inputString("instanceType"));
    }

    @Test
    void subnetsGetThePlannedCidrsAndSpreadOverZones() {
        var plan = Stacks.plan("prod");

        assertEquals(List.of("10.0.48.0/24", "10.0.49.0/24", "10.0.50.0/24"), List.of(1, 2, 3).stream()
                .map(z -> plan.named(SUBNET, "apphome-prod-public-" + z).inputString("cidrBlock")).toList());
        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), List.of(1, 2, 3).stream()
                .map(z -> plan.named(SUBNET, "apphome-prod-isolated-" + z).inputString("availabilityZone")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDefaultSecurityGroupIsAdoptedWithNoRules(String stack) {
        var groups = Stacks.plan(stack).ofType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");

        assertEquals(1, groups.size());
        assertNull(groups.get(0).input("ingress"));
        assertNull(groups.get(0).input("egress"));
    }

    @Test
    void flowLogsCaptureAllTrafficIntoAKeyEncryptedLogGroup() {
        var plan = Stacks.plan("prod");
        var flowLog = plan.ofType("aws:ec2/flowLog:FlowLog").get(0);
        var logGroup = source(plan, flowLog, "logDestination");

        assertEquals("ALL", flowLog.inputString("trafficType"));
        assertEquals("aws:ec2/vpc:Vpc", source(plan, flowLog, "vpcId").type());
        assertEquals("/apphome-prod/flow-logs", logGroup.inputString("name"));
        assertEquals(90L, logGroup.input("retentionInDays"));
        assertEquals("aws:kms/key:Key", source(plan, logGroup, "kmsKeyId").type());
        var trust = Json.statements(source(plan, flowLog, "iamRoleArn"), "assumeRolePolicy").get(0);
        assertEquals(Map.of("Service", "vpc-flow-logs.amazonaws.com"), trust.get("Principal"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), trust.get("Condition"));
    }

    @Test
    void gatewayEndpointsServeThePrivateRouteTables() {
        var plan = Stacks.plan("prod");
        var endpoints = plan.ofType("aws:ec2/vpcEndpoint:VpcEndpoint");

        assertEquals(List.of("com.amazonaws.eu-west-1.dynamodb", "com.amazonaws.eu-west-1.s3"),
                endpoints.stream().map(e -> e.inputString("serviceName")).sorted().toList());
        for (PlannedResource endpoint : endpoints) {
            assertEquals("Gateway", endpoint.inputString("vpcEndpointType"));
            assertEquals(List.of("apphome-prod-private-1", "apphome-prod-private-2", "apphome-prod-private-3"),
                    names(sources(plan, endpoint, "routeTableIds")));
        }
    }

    @Test
    void interfaceEndpointsAcceptHttpsFromThePrivateSubnetsOnly() {
        // Without NAT only ECR images can be pulled.
        var plan = Stacks.planOf(Stacks.MINIMAL.replace("nginx:1.27", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1")
                + "  apphome:network: {interfaceEndpoints: true, natGateways: none}\n");
        var interfaces = plan.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Interface".equals(e.inputString("vpcEndpointType"))).toList();

        assertEquals(List.of("com.amazonaws.eu-west-1.ecr.api", "com.amazonaws.eu-west-1.ecr.dkr",
                        "com.amazonaws.eu-west-1.logs", "com.amazonaws.eu-west-1.secretsmanager"),
                interfaces.stream().map(e -> e.inputString("serviceName")).sorted().toList());
        assertTrue(interfaces.stream().allMatch(e -> Boolean.TRUE.equals(e.input("privateDnsEnabled"))));
        var group = source(plan, interfaces.get(0), "securityGroupIds");
        var rules = dependents(plan, group, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "securityGroupId");
        assertEquals(List.of("10.0.0.0/20:443", "10.0.16.0/20:443"),
                rules.stream().map(r -> r.inputString("cidrIpv4") + ":" + r.input("fromPort")).sorted().toList());
        assertEquals(0, plan.ofType("aws:ec2/natGateway:NatGateway").size());
        assertFalse(plan.ofType(ROUTE).stream().anyMatch(r -> r.input("natGatewayId") != null));
    }
}
