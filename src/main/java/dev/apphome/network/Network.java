package dev.apphome.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.NetworkAcl;
import com.pulumi.aws.ec2.NetworkAclArgs;
import com.pulumi.aws.ec2.NetworkAclAssociation;
import com.pulumi.aws.ec2.NetworkAclAssociationArgs;
import com.pulumi.aws.ec2.NetworkAclRule;
import com.pulumi.aws.ec2.NetworkAclRuleArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VPC: public, private and isolated subnets in each AZ; an internet gateway for the public tier
 * only; NAT per the stack's strategy for the private tier; no route out at all for the isolated
 * tier; S3 and DynamoDB gateway endpoints; optional interface endpoints; flow logs to an encrypted
 * log group; and the VPC's default security group adopted and emptied.
 */
public final class Network extends ComponentResource implements Monitored {

    /** Interface endpoints that let tasks start without NAT: image pulls, logs, secrets. */
    static final List<String> INTERFACE_ENDPOINTS = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager");

    private final Vpc vpc;
    private final Map<SubnetTier, List<Subnet>> subnets = new EnumMap<>(SubnetTier.class);
    private final String name;
    private final String region;
    private final CustomResourceOptions child;
    private final Firewall endpointFirewall;
    private final java.util.Set<String> endpoints = new java.util.LinkedHashSet<>();
    private final List<SubnetPlan.Planned> plan;
    private final boolean guardIsolatedTier;
    private final Map<Integer, Integer> isolatedPorts = new java.util.LinkedHashMap<>();
    private NetworkAcl isolatedAcl;
    private final List<com.pulumi.resources.Resource> isolatedAclRules = new ArrayList<>();
    private boolean isolatedTierTalksToItself;
    private boolean isolatedAclApplied;
    private final Optional<NatInstance> natInstance;

    public Network(String name, NetworkSettings args, AwsContext aws, Output<String> keyArn, Protection protection,
                   ComponentResourceOptions options) {
        super("apphome:network:Network", name, options);
        Rule.require(args);
        List<SubnetPlan.Planned> plan = args.subnets();
        this.plan = plan;
        this.guardIsolatedTier = args.isolatedAcl();
        CustomResourceOptions child = protection.child(this);

        this.vpc = new Vpc(Naming.child(name, "vpc"), VpcArgs.builder()
                .cidrBlock(args.cidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", name))
                .build(), child);

        // Adopting the default group with no rules removes AWS's allow-all-within-group rules (EC2.2).
        new DefaultSecurityGroup(Naming.child(name, "default-sg"), DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", Naming.child(name, "default-sg-unused")))
                .build(), child);

        // Availability Zones only: an account that opted in to Local Zones gets them listed too, and the
        // load balancer, NAT gateways and data stores cannot all be placed there. Every zone of the region,
        // whatever its state: subnet N sits in the Nth zone, so a zone that is impaired during one preview
        // must not drop out of the list and shift every later subnet into another zone (a replacement).
        int wanted = args.availabilityZones();
        Output<List<String>> zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                        .filters(GetAvailabilityZonesFilterArgs.builder()
                                .name("opt-in-status").values("opt-in-not-required").build())
                        .build())
                .applyValue(r -> {
                    if (r.names().size() < wanted) {
                        throw new IllegalStateException("network.availabilityZones is " + wanted + " but region "
                                + aws.region() + " has " + r.names().size() + " Availability Zones available to this "
                                + "account (" + String.join(", ", r.names()) + "); set availabilityZones to at most "
                                + r.names().size());
                    }
                    return r.names();
                });
        for (SubnetTier tier : SubnetTier.values()) {
            List<Subnet> tierSubnets = new ArrayList<>();
            for (SubnetPlan.Planned planned : plan.stream().filter(p -> p.tier() == tier).toList()) {
                int zone = planned.zoneIndex();
                String subnetName = Naming.child(name, tier.label() + "-" + (zone + 1));
                tierSubnets.add(new Subnet(subnetName, SubnetArgs.builder()
                        .vpcId(vpc.id())
                        .cidrBlock(planned.cidr())
                        .availabilityZone(zones.applyValue(z -> z.get(zone)))
                        // No tier hands out public addresses: the load balancer and NAT gateways bring their own.
                        .mapPublicIpOnLaunch(false)
                        .tags(Map.of("Name", subnetName, "tier", tier.label()))
                        .build(), child));
            }
            subnets.put(tier, List.copyOf(tierSubnets));
        }

        var internetGateway = new InternetGateway(Naming.child(name, "igw"), InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", Naming.child(name, "igw")))
                .build(), child);

        var publicRoutes = routeTable(name, "public", child);
        var publicDefault = new Route(Naming.child(name, "public-default"), RouteArgs.builder()
                .routeTableId(publicRoutes.id())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(internetGateway.id())
                .build(), child);
        List<Resource> publicAssociations = associate(name, SubnetTier.PUBLIC, publicRoutes, child);

        List<NatGateway> natGateways = new ArrayList<>();
        for (int i = 0; i < args.natGateways().count(args.availabilityZones()); i++) {
            String natName = Naming.child(name, "nat-" + (i + 1));
            var address = new Eip(Naming.child(name, "nat-ip-" + (i + 1)), EipArgs.builder()
                    .domain("vpc")
                    .tags(Map.of("Name", natName))
                    .build(), child);
            natGateways.add(new NatGateway(natName, NatGatewayArgs.builder()
                    .allocationId(address.allocationId())
                    .subnetId(subnets.get(SubnetTier.PUBLIC).get(i).id())
                    .connectivityType("public")
                    .tags(Map.of("Name", natName))
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(internetGateway).build()));
        }

        this.natInstance = args.natGateways() != NatGateways.INSTANCE ? Optional.empty()
                : Optional.of(new NatInstance(name, args.natInstanceType(), vpc.id(),
                        subnets.get(SubnetTier.PUBLIC).get(0).id(),
                        plan.stream().filter(p -> p.tier() == SubnetTier.PRIVATE).map(SubnetPlan.Planned::cidr).toList(),
                        aws, keyArn, concat(List.of(internetGateway, publicDefault), publicAssociations), this));

        // One private route table per AZ, so that with a NAT gateway per AZ each AZ keeps its own egress.
        List<RouteTable> privateTables = new ArrayList<>();
        List<Subnet> privateSubnets = subnets.get(SubnetTier.PRIVATE);
        for (int zone = 0; zone < privateSubnets.size(); zone++) {
            var table = routeTable(name, "private-" + (zone + 1), child);
            privateTables.add(table);
            if (!natGateways.isEmpty()) {
                NatGateway nat = natGateways.get(Math.min(zone, natGateways.size() - 1));
                new Route(Naming.child(name, "private-" + (zone + 1) + "-default"), RouteArgs.builder()
                        .routeTableId(table.id())
                        .destinationCidrBlock("0.0.0.0/0")
                        .natGatewayId(nat.id())
                        .build(), child);
            }
            if (natInstance.isPresent()) {
                new Route(Naming.child(name, "private-" + (zone + 1) + "-default"), RouteArgs.builder()
                        .routeTableId(table.id())
                        .destinationCidrBlock("0.0.0.0/0")
                        // The interface, not the instance: a recovered instance keeps it, and so does the route.
                        .networkInterfaceId(natInstance.get().networkInterfaceId())
                        .build(), child);
            }
            new RouteTableAssociation(Naming.child(name, "private-" + (zone + 1)), RouteTableAssociationArgs.builder()
                    .subnetId(privateSubnets.get(zone).id())
                    .routeTableId(table.id())
                    .build(), child);
        }

        // The isolated tier's table has only the implicit local route: nothing leaves the VPC.
        var isolatedRoutes = routeTable(name, "isolated", child);
        associate(name, SubnetTier.ISOLATED, isolatedRoutes, child);

        Output<List<String>> privateTableIds = Output.all(privateTables.stream().map(RouteTable::id).toList());
        for (String service : List.of("s3", "dynamodb")) {
            new VpcEndpoint(Naming.child(name, service), VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .serviceName("com.amazonaws." + aws.region() + "." + service)
                    .vpcEndpointType("Gateway")
                    .routeTableIds(privateTableIds)
                    .tags(Map.of("Name", Naming.child(name, service)))
                    .build(), child);
        }

        this.name = name;
        this.region = aws.region();
        this.child = child;
        if (args.interfaceEndpoints()) {
            this.endpointFirewall = new Firewall(Naming.child(name, "endpoints"),
                    "HTTPS from the private subnets to AWS interface endpoints", vpc.id(), this);
            for (SubnetPlan.Planned planned : plan.stream().filter(p -> p.tier() == SubnetTier.PRIVATE).toList()) {
                endpointFirewall.admitRange("private-" + (planned.zoneIndex() + 1), planned.cidr(), 443,
                        "HTTPS from private subnet " + (planned.zoneIndex() + 1));
            }
            INTERFACE_ENDPOINTS.forEach(this::reachPrivately);
        } else {
            this.endpointFirewall = null;
        }

        flowLogs(name, aws, keyArn, args.flowLogRetentionDays().days(), child);
        registerOutputs(Map.of("vpcId", vpc.id(), "privateSubnetIds", ids(SubnetTier.PRIVATE)));
    }

    private void flowLogs(String name, AwsContext aws, Output<String> keyArn, int retentionDays, CustomResourceOptions child) {
        var logGroup = new LogGroup(Naming.child(name, "flow-logs"), LogGroupArgs.builder()
                .name(Output.format("/%s/flow-logs", name))
                .retentionInDays(retentionDays)
                .kmsKeyId(keyArn)
                .build(), child);
        var role = new Role(Naming.child(name, "flow-logs"), RoleArgs.builder()
                .description("Lets VPC Flow Logs write to " + name + "'s flow log group")
                .assumeRolePolicy(PolicyDocument.assumedBy("vpc-flow-logs.amazonaws.com", aws.accountId()))
                .build(), child);
        // The permissions VPC Flow Logs documents for its delivery role; it looks the group up by name.
        var permissions = new RolePolicy(Naming.child(name, "flow-logs"), RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(List.of(
                        PolicyDocument.allow("WriteFlowLogs",
                                List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                                List.of(logGroup.arn(), logGroup.arn().applyValue(arn -> arn + ":*"))),
                        PolicyDocument.allow("FindFlowLogGroup", List.of("logs:DescribeLogGroups"),
                                List.of(aws.arn("logs", "log-group:*"))))))
                .build(), child);
        new FlowLog(Naming.child(name, "flow-log"), FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(60)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(permissions).build());
    }

    private RouteTable routeTable(String name, String label, CustomResourceOptions child) {
        return new RouteTable(Naming.child(name, label), RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", Naming.child(name, label)))
                .build(), child);
    }

    private List<Resource> associate(String name, SubnetTier tier, RouteTable table, CustomResourceOptions child) {
        List<Subnet> tierSubnets = subnets.get(tier);
        List<Resource> associations = new ArrayList<>();
        for (int i = 0; i < tierSubnets.size(); i++) {
            associations.add(new RouteTableAssociation(Naming.child(name, tier.label() + "-" + (i + 1)), RouteTableAssociationArgs.builder()
                    .subnetId(tierSubnets.get(i).id())
                    .routeTableId(table.id())
                    .build(), child));
        }
        return associations;
    }

    private static List<Resource> concat(List<Resource> first, List<Resource> second) {
        List<Resource> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The NAT instance's recovery alarm when the network has one; a managed NAT gateway needs none. */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings thresholds) {
        return natInstance.<List<Alerts.Alarm>>map(nat -> List.of(nat.recoveryAlarm())).orElse(List.of());
    }

    /**
     * Lets tasks reach an AWS service's API without leaving the VPC, through an interface endpoint
     * in the private subnets, when the stack has interface endpoints (a stack without NAT gateways
     * must). A store whose API its clients call (SQS, SNS, …) asks for its service here; asking twice
     * makes one endpoint.
     *
     * @param service the endpoint's service, e.g. {@code sqs} (becomes {@code com.amazonaws.<region>.sqs})
     */
    public void reachPrivately(String service) {
        if (endpointFirewall == null || !endpoints.add(service)) {
            return;
        }
        String endpointName = Naming.child(name, service.replace('.', '-'));
        new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + region + "." + service)
                .vpcEndpointType("Interface")
                .privateDnsEnabled(true)
                .subnetIds(ids(SubnetTier.PRIVATE))
                .securityGroupIds(endpointFirewall.id().applyValue(List::of))
                .tags(Map.of("Name", endpointName))
                .build(), child);
    }

    /**
     * Lets the services in the private subnets reach a store in the isolated subnets on TCP
     * {@code port}, through the isolated tier's network ACL (when the stack has one): an inbound rule
     * from each private subnet's range on that port, and outbound rules for the replies to each
     * private subnet's ephemeral ports (network ACLs are stateless). Every store that lives in the
     * isolated tier declares its port here; asking twice for one port makes one set of rules. The
     * security groups still decide which services may connect; the ACL bounds the tier as a whole.
     *
     * <p>Rule numbers are derived from what a rule admits, never from the order stores ask, so that
     * adding or removing a store leaves every other rule as it is: inbound from private subnet
     * {@code z} on port {@code p} is {@code 1000 × z + p mod 1000} (5432 from private-1 is 1432),
     * outbound replies to private subnet {@code z} are {@code 1000 × z}.
     */
    public void admitToIsolatedTier(int port) {
        if (!guardIsolatedTier || isolatedPorts.containsKey(port)) {
            return;
        }
        Integer clash = isolatedPorts.entrySet().stream().filter(e -> e.getValue() == port % 1000)
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (clash != null) {
            throw new IllegalStateException("ports " + clash + " and " + port + " would share network ACL rule numbers "
                    + "(both end in " + port % 1000 + ")");
        }
        boolean first = isolatedPorts.isEmpty();
        isolatedPorts.put(port, port % 1000);
        for (SubnetPlan.Planned source : tier(SubnetTier.PRIVATE)) {
            int z = source.zoneIndex() + 1;
            aclRule("in-private-" + z + "-" + port, false, 1000 * z + port % 1000, source.cidr(), port, port);
            if (first) {
                aclRule("out-private-" + z + "-ephemeral", true, 1000 * z, source.cidr(), 1024, 65535);
            }
        }
    }

    /**
     * Lets stores in the isolated subnets connect to each other across AZs (a database proxy to its
     * database), through the isolated tier's network ACL: TCP 1024–65535 in both directions between
     * the isolated subnets' ranges, rules {@code 10000 + z}. One range serves both the connection and
     * its replies, since every store port is above 1023 and replies arrive on ephemeral ports anyway.
     */
    public void connectWithinIsolatedTier() {
        if (!guardIsolatedTier || isolatedTierTalksToItself) {
            return;
        }
        isolatedTierTalksToItself = true;
        for (SubnetPlan.Planned peer : tier(SubnetTier.ISOLATED)) {
            int z = peer.zoneIndex() + 1;
            aclRule("in-isolated-" + z + "-ephemeral", false, 10000 + z, peer.cidr(), 1024, 65535);
            aclRule("out-isolated-" + z + "-ephemeral", true, 10000 + z, peer.cidr(), 1024, 65535);
        }
    }

    /**
     * Attaches the isolated tier's network ACL to the isolated subnets, once every store there has
     * declared its ports. The associations wait for every rule: a subnet that is already serving
     * clients switches to the ACL only when it admits them, instead of denying them while AWS creates
     * the rules; and when the ACL is removed, the subnets return to the VPC's default ACL before any
     * rule is deleted. Without a store in the tier, or with {@code isolatedAcl: false}, there is no ACL.
     */
    public void applyIsolatedAcl() {
        if (isolatedAcl == null || isolatedAclApplied) {
            return;
        }
        isolatedAclApplied = true;
        List<Subnet> isolated = subnets.get(SubnetTier.ISOLATED);
        for (int i = 0; i < isolated.size(); i++) {
            new NetworkAclAssociation(Naming.child(name, "isolated-acl-isolated-" + (i + 1)),
                    NetworkAclAssociationArgs.builder()
                            .networkAclId(isolatedAcl.id())
                            .subnetId(isolated.get(i).id())
                            .build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(List.copyOf(isolatedAclRules)).build());
        }
    }

    private List<SubnetPlan.Planned> tier(SubnetTier tier) {
        return plan.stream().filter(p -> p.tier() == tier).toList();
    }

    /** One allow rule of the isolated tier's ACL, the ACL itself made with the first. */
    private void aclRule(String label, boolean egress, int number, String cidr, int fromPort, int toPort) {
        if (isolatedAclApplied) {
            throw new IllegalStateException("the isolated tier's network ACL was applied before rule " + label);
        }
        String aclName = Naming.child(name, "isolated-acl");
        if (isolatedAcl == null) {
            // Standalone rules only: an ACL with inline rules would delete these on its next update. No inline
            // rules also means AWS's final deny-all rule is the only other one, in both directions.
            isolatedAcl = new NetworkAcl(aclName, NetworkAclArgs.builder()
                    .vpcId(vpc.id())
                    .tags(Map.of("Name", aclName))
                    .build(), child);
        }
        isolatedAclRules.add(new NetworkAclRule(Naming.child(aclName, label), NetworkAclRuleArgs.builder()
                .networkAclId(isolatedAcl.id())
                .ruleNumber(number)
                .egress(egress)
                .protocol("tcp")
                .ruleAction("allow")
                .cidrBlock(cidr)
                .fromPort(fromPort)
                .toPort(toPort)
                .build(), child));
    }

    public Output<String> vpcId() {
        return vpc.id();
    }

    /** How many AZs the subnets span. */
    public int zones() {
        return subnets.get(SubnetTier.PRIVATE).size();
    }

    /** The ids of one tier's subnets in the first {@code count} AZs, in AZ order. */
    public Output<List<String>> ids(SubnetTier tier, int count) {
        return Output.all(subnets.get(tier).stream().limit(count).map(Subnet::id).toList());
    }

    /** The ids of one tier's subnets, in AZ order. */
    public Output<List<String>> ids(SubnetTier tier) {
        return Output.all(subnets.get(tier).stream().map(Subnet::id).toList());
    }
}
