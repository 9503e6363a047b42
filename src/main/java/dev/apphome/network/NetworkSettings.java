package dev.apphome.network;

import dev.apphome.common.LogRetention;
import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;
import java.util.Map;

/**
 * The stack's VPC ({@code network}).
 *
 * @param cidr                 the VPC's IPv4 range
 * @param availabilityZones    how many AZs the subnets span
 * @param zoneSlots            how many AZs the first address block of each tier holds; AZs past it take
 *                             addresses after every first block (version 1's layout when equal to the AZ count)
 * @param natGateways          how private subnets reach the internet
 * @param natInstanceType      the NAT instance's type (natGateways instance only; t4g.nano when unset)
 * @param subnetPrefixes       the size of each tier's subnets
 * @param interfaceEndpoints   whether to add interface endpoints so that tasks start without NAT
 * @param isolatedAcl          whether the isolated subnets get a network ACL that admits only the private
 *                             subnets, on the ports of the stores there
 * @param flowLogRetentionDays days VPC flow logs are kept
 */
public record NetworkSettings(
        @Key(doc = "VPC range (/16 to /28)", dflt = "10.0.0.0/16") String cidr,
        @Key(doc = "AZs the subnets span", dflt = "2", min = 2, max = SubnetPlan.MAX_ZONES) int availabilityZones,
        @Key(doc = "AZs whose subnets each tier's first address block holds; further AZs' subnets go after every "
                + "first block, so adding AZs moves no subnet. Set it once, to the AZ count of the stack's first deploy "
                + "(6 for a new stack): changing it moves subnets",
                derived = "availabilityZones (version 1's layout, where adding an AZ moves subnets)",
                min = 2, max = SubnetPlan.MAX_ZONES) Integer zoneSlots,
        @Key(doc = "NAT strategy; `none` needs `interfaceEndpoints`; `instance` is one EC2 NAT instance in the first AZ "
                + "(about $8 a month instead of about $39 for a gateway, but one instance to keep patched, one AZ's "
                + "egress and a burstable instance's bandwidth)", dflt = "single") NatGateways natGateways,
        @Key(doc = "the NAT instance's type: the smallest burstable Graviton or x86 types, all with EC2's recover "
                + "action", derived = "t4g.nano with natGateways instance; none otherwise") NatInstanceType natInstanceType,
        @Key(doc = "subnet sizes; CIDRs are planned, never typed") SubnetPrefixes subnetPrefixes,
        @Key(doc = "ECR, Logs and Secrets Manager endpoints in the private subnets (about $7.30 per endpoint per AZ "
                + "per month)", dflt = "false") boolean interfaceEndpoints,
        @Key(doc = "a network ACL on the isolated subnets: only the private subnets, only on the ports of the stores "
                + "there (and their replies); false leaves the VPC's default ACL, which allows everything",
                dflt = "true") boolean isolatedAcl,
        @Key(doc = "flow-log retention", unit = "days", dflt = "30") LogRetention flowLogRetentionDays) {

    /**
     * Prefix length of each tier's subnets.
     *
     * @param publicTier   public subnets (load balancer, NAT gateways)
     * @param privateTier  private subnets (tasks)
     * @param isolatedTier isolated subnets (data stores)
     */
    public record SubnetPrefixes(
            @Key(name = "public", doc = "prefix length of the public subnets (a load balancer needs at least /27)", dflt = "24", min = 16, max = 27) int publicTier,
            @Key(name = "private", doc = "prefix length of the private subnets", dflt = "20", min = 16, max = 28) int privateTier,
            @Key(name = "isolated", doc = "prefix length of the isolated subnets", dflt = "24", min = 16, max = 28) int isolatedTier) {

        /** Tier to prefix length. */
        public Map<SubnetTier, Integer> byTier() {
            return Map.of(SubnetTier.PUBLIC, publicTier, SubnetTier.PRIVATE, privateTier, SubnetTier.ISOLATED, isolatedTier);
        }
    }

    public NetworkSettings {
        zoneSlots = zoneSlots != null ? zoneSlots : availabilityZones;
        // Defaulted only for a NAT instance, so that a type set for any other strategy stays visible to RULES.
        if (natInstanceType == null && natGateways == NatGateways.INSTANCE) {
            natInstanceType = NatInstanceType.T4G_NANO;
        }
    }

    public static final List<Rule<NetworkSettings>> RULES = List.of(
            Rule.of("natGateways", n -> n.natGateways != NatGateways.NONE || n.interfaceEndpoints,
                    "is none while interfaceEndpoints is false: tasks could not pull images, read secrets or write logs; "
                            + "allowed: natGateways single, onePerAz or instance, or interfaceEndpoints: true"),
            Rule.of("natInstanceType", n -> n.natInstanceType == null || n.natGateways == NatGateways.INSTANCE,
                    n -> "is " + n.natInstanceType.apiName() + " while natGateways is "
                            + n.natGateways.written() + ", which makes no NAT instance; "
                            + "allowed: natInstanceType only with natGateways: instance (remove it, or set natGateways: "
                            + "instance)"),
            Rule.of("cidr", n -> n.planProblem() == null, NetworkSettings::planProblem));

    /** Every subnet's CIDR, planned from the VPC range; fails when the range cannot hold them. */
    public List<SubnetPlan.Planned> subnets() {
        try {
            return SubnetPlan.plan(cidr, availabilityZones, zoneSlots, subnetPrefixes.byTier());
        } catch (SubnetPlan.PlanException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String planProblem() {
        try {
            SubnetPlan.plan(cidr, availabilityZones, zoneSlots, subnetPrefixes.byTier());
            return null;
        } catch (SubnetPlan.PlanException e) {
            return e.getMessage();
        }
    }
}
