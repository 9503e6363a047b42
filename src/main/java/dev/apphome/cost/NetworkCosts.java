package dev.apphome.cost;

import com.google.gson.JsonArray;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** NAT gateways, public IPv4 addresses, VPC endpoints, load balancers, and the free parts of a VPC. */
final class NetworkCosts {

    static final String NAT = "aws:ec2/natGateway:NatGateway";
    static final String SUBNET = "aws:ec2/subnet:Subnet";

    private NetworkCosts() {
    }

    static void register(Catalog c) {
        c.priced(NAT, NetworkCosts::natGateway,
                "dataProcessedGb", "GB the NAT gateway processes a month",
                "internetOutGb", "GB it sends to the internet a month");
        c.priced("aws:ec2/eip:Eip", NetworkCosts::elasticIp);
        c.priced("aws:ec2/vpcEndpoint:VpcEndpoint", NetworkCosts::vpcEndpoint,
                "dataProcessedGb", "GB an interface endpoint processes a month");
        for (String type : List.of("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer")) {
            c.priced(type, NetworkCosts::loadBalancer,
                    "lcu", "average load balancer capacity units used over the month",
                    "internetOutGb", "GB an internet-facing load balancer sends to clients a month");
        }
        for (String type : List.of("aws:ec2/vpc:Vpc", SUBNET, "aws:ec2/routeTable:RouteTable", "aws:ec2/route:Route",
                "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/internetGateway:InternetGateway",
                "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
                "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
                "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:ec2/networkAcl:NetworkAcl",
                "aws:ec2/networkAclRule:NetworkAclRule", "aws:ec2/networkAclAssociation:NetworkAclAssociation",
                "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "aws:ec2/defaultRouteTable:DefaultRouteTable")) {
            c.free(type, "VPC networking objects have no charge");
        }
        c.free("aws:ec2/flowLog:FlowLog", "its records are billed as log ingestion of the log group they are delivered to");
        for (String type : List.of("aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule", "aws:lb/targetGroup:TargetGroup",
                "aws:lb/listenerCertificate:ListenerCertificate", "aws:lb/targetGroupAttachment:TargetGroupAttachment",
                "aws:alb/listener:Listener", "aws:alb/listenerRule:ListenerRule", "aws:alb/targetGroup:TargetGroup")) {
            c.free(type, "billed as part of its load balancer's hours and capacity units");
        }
        c.free("aws:acm/certificateValidation:CertificateValidation", "a wait for validation, no resource of its own");
        c.priced("aws:acm/certificate:Certificate", (r, p) -> r.in().has("certificateAuthorityArn")
                ? new Outcome.Unpriced("a private certificate: AWS Private CA prices are not in the table")
                : Outcome.free("public ACM certificates are free"));
        c.free("aws:route53/record:Record", "records have no monthly charge; DNS queries to them are billed per million and not estimated");
        c.unpriced("aws:route53/zone:Zone", "a hosted zone has a monthly charge; the price table has no Route 53 prices");
        c.unpriced("aws:servicediscovery/httpNamespace:HttpNamespace",
                "AWS Cloud Map bills registered instances and discovery calls; the price table has no Cloud Map prices");
        c.unpriced("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
                "a private DNS namespace creates a Route 53 hosted zone; the price table has no Route 53 or Cloud Map prices");
    }

    static Outcome natGateway(Resource r, Pricing p) {
        Props in = r.in();
        if ("regional".equals(in.string("availabilityMode", "zonal"))) {
            return new Outcome.Unpriced("a regional NAT gateway: the price table has only zonal NAT gateway prices");
        }
        boolean isPublic = !"private".equals(in.string("connectivityType", "public"));
        List<Line> lines = new ArrayList<>();
        lines.add(p.hourly("NAT gateway", BigDecimal.ONE, "hours", "nat.hour"));
        if (isPublic) {
            // Its Elastic IP (and any secondary ones) is counted here, not on the aws:ec2/eip:Eip.
            JsonArray secondary = in.array("secondaryAllocationIds");
            int addresses = 1 + (secondary == null ? 0 : secondary.size());
            lines.add(p.hourly(addresses == 1 ? "public IPv4 address" : "public IPv4 addresses", BigDecimal.valueOf(addresses),
                    "address-hours", "ipv4.hour"));
        }
        lines.add(p.usage(r, "data processed", "GB", "nat.gb", "dataProcessedGb"));
        if (isPublic) {
            lines.add(p.usage(r, "data out to the internet", "GB", "dataTransfer.internetOut.firstTierGb", "internetOutGb"));
        }
        return Outcome.lines(lines);
    }

    static Outcome elasticIp(Resource r, Pricing p) {
        for (Resource nat : p.ofType(NAT)) {
            if (nat.sources("allocationId").contains(r.urn()) || nat.sources("secondaryAllocationIds").contains(r.urn())
                    || allocation(r) != null && allocation(r).equals(Pricing.inputString(nat, "allocationId"))) {
                return Outcome.free("its public IPv4 address is counted on the NAT gateway that uses it");
            }
        }
        String pool = r.in().string("publicIpv4Pool", "amazon");
        if (!"amazon".equals(pool)) {
            return Outcome.free("an address from your own IPv4 pool (BYOIP) has no public IPv4 charge");
        }
        return Outcome.lines(p.hourly("public IPv4 address", BigDecimal.ONE, "address-hours", "ipv4.hour"));
    }

    private static String allocation(Resource eip) {
        String id = Pricing.outputString(eip, "allocationId");
        return id != null ? id : Pricing.outputString(eip, "id");
    }

    static Outcome vpcEndpoint(Resource r, Pricing p) {
        String type = r.in().string("vpcEndpointType", "Gateway");
        if (type.equals("Gateway")) {
            return Outcome.free("gateway endpoints (S3, DynamoDB) are free");
        }
        if (!type.equals("Interface")) {
            return new Outcome.Unpriced("a " + type + " endpoint: the price table has only interface endpoint prices");
        }
        int zones = r.in().has("subnetConfigurations") && !r.in().has("subnetIds")
                ? count(r, p, "subnetConfigurations", null) : count(r, p, "subnetIds", SUBNET);
        return Outcome.lines(
                p.hourly("interface endpoint in " + zones + (zones == 1 ? " AZ" : " AZs"), BigDecimal.valueOf(zones),
                        "endpoint-AZ-hours", "endpoint.azHour"),
                p.usage(r, "data processed", "GB", "endpoint.gb", "dataProcessedGb"));
    }

    static Outcome loadBalancer(Resource r, Pricing p) {
        Props in = r.in();
        String type = in.string("loadBalancerType", "application");
        if (!type.equals("application")) {
            return new Outcome.Unpriced("a " + type + " load balancer: the price table has only Application Load Balancer prices");
        }
        boolean internetFacing = !in.bool("internal", false);
        List<Line> lines = new ArrayList<>();
        lines.add(p.hourly("Application Load Balancer", BigDecimal.ONE, "hours", "alb.hour"));
        if (internetFacing && !"dualstack-without-public-ipv4".equals(in.string("ipAddressType", "ipv4"))) {
            // An internet-facing load balancer holds one public address in each subnet (AZ) it spans.
            int zones = in.has("subnetMappings") && !in.has("subnets")
                    ? count(r, p, "subnetMappings", null) : count(r, p, "subnets", SUBNET);
            lines.add(p.hourly("public IPv4 addresses, one per AZ (" + zones + ")", BigDecimal.valueOf(zones),
                    "address-hours", "ipv4.hour"));
        }
        lines.add(p.usage(r, "load balancer capacity units", "LCU-hours", "alb.lcuHour", "lcu", p.hours()));
        if (internetFacing) {
            lines.add(p.usage(r, "data out to the internet", "GB", "dataTransfer.internetOut.firstTierGb", "internetOutGb"));
        }
        return Outcome.lines(lines);
    }

    /**
     * The number of elements of a list input. In a preview a list of ids is often unknown as a
     * whole; its recorded dependencies on resources of {@code sourceType} then say how many.
     */
    static int count(Resource r, Pricing p, String property, String sourceType) {
        if (!r.in().unknown(property)) {
            JsonArray list = r.in().array(property);
            return list == null ? 0 : list.size();
        }
        List<Resource> sources = sourceType == null ? List.of() : p.sources(r, property, sourceType);
        if (!sources.isEmpty()) {
            return sources.size();
        }
        throw new Unpriceable(property + " is not known until the resource is created");
    }
}
