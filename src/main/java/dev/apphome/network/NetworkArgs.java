package dev.apphome.network;

import java.util.Map;

/**
 * What the network of one stack looks like.
 *
 * @param cidr                 the VPC's IPv4 range; default {@code 10.0.0.0/16}
 * @param availabilityZones    how many AZs the subnets span, 2 to 6; default 2
 * @param natGateways          NAT strategy; default {@link NatGateways#SINGLE}
 * @param subnetPrefixes       prefix length of each subnet, by tier; defaults public /24, private /20,
 *                             isolated /24
 * @param interfaceEndpoints   whether to add interface endpoints for ECR, CloudWatch Logs and Secrets
 *                             Manager (about $7.30 per endpoint per AZ per month); default false
 * @param flowLogRetentionDays days VPC flow logs are kept; default 30
 */
public record NetworkArgs(
        String cidr,
        int availabilityZones,
        NatGateways natGateways,
        Map<SubnetTier, Integer> subnetPrefixes,
        boolean interfaceEndpoints,
        int flowLogRetentionDays) {

    public static final String DEFAULT_CIDR = "10.0.0.0/16";
    public static final Map<SubnetTier, Integer> DEFAULT_PREFIXES =
            Map.of(SubnetTier.PUBLIC, 24, SubnetTier.PRIVATE, 20, SubnetTier.ISOLATED, 24);

    public NetworkArgs {
        subnetPrefixes = Map.copyOf(subnetPrefixes);
    }
}
