package dev.apphome.network;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Plans every subnet's CIDR from the VPC range: tiers in order private, public, isolated, one subnet
 * per AZ each, every block aligned to its own size, largest first so that no space is lost to
 * alignment. Nothing is typed by hand per subnet.
 */
public final class SubnetPlan {

    /** One planned subnet. */
    public record Planned(SubnetTier tier, int zoneIndex, String cidr) {
    }

    /** Why a plan cannot be made. */
    public static final class PlanException extends Exception {
        public PlanException(String message) {
            super(message);
        }
    }

    private SubnetPlan() {
    }

    /** Plans the subnets, or explains why the VPC cannot hold them. */
    public static List<Planned> plan(String vpcCidr, int zones, Map<SubnetTier, Integer> prefixes)
            throws PlanException {
        IPAddress vpc = parseIpv4Block(vpcCidr);
        int vpcPrefix = vpc.getNetworkPrefixLength();
        if (vpcPrefix < 16 || vpcPrefix > 28) {
            throw new PlanException("found /" + vpcPrefix + "; allowed: a VPC prefix from /16 to /28 (an AWS limit)");
        }
        List<SubnetTier> order = new ArrayList<>(List.of(SubnetTier.values()));
        order.sort(Comparator.comparingInt(prefixes::get)); // largest blocks first keeps everything aligned
        BigInteger next = vpc.getLower().getValue();
        BigInteger end = vpc.getUpper().getValue();
        List<Planned> planned = new ArrayList<>();
        for (SubnetTier tier : order) {
            int prefix = prefixes.get(tier);
            if (prefix < vpcPrefix || prefix > 28) {
                throw new PlanException("the " + tier.label() + " subnet prefix /" + prefix
                        + " does not fit a /" + vpcPrefix + " VPC; allowed: /" + vpcPrefix + " to /28");
            }
            BigInteger size = BigInteger.ONE.shiftLeft(32 - prefix);
            for (int zone = 0; zone < zones; zone++) {
                BigInteger start = alignUp(next, size);
                BigInteger last = start.add(size).subtract(BigInteger.ONE);
                if (last.compareTo(end) > 0) {
                    throw new PlanException("needs " + totalAddresses(zones, prefixes) + " addresses for " + zones
                            + " AZs × 3 tiers (public /" + prefixes.get(SubnetTier.PUBLIC) + ", private /"
                            + prefixes.get(SubnetTier.PRIVATE) + ", isolated /" + prefixes.get(SubnetTier.ISOLATED)
                            + ") but " + vpcCidr + " has " + vpc.getCount()
                            + "; allowed: a larger VPC range or smaller subnets");
                }
                planned.add(new Planned(tier, zone, new IPv4Address(start.intValue()).setPrefixLength(prefix, false)
                        .toPrefixBlock().toCanonicalString()));
                next = start.add(size);
            }
        }
        planned.sort(Comparator.comparing((Planned p) -> p.tier().ordinal()).thenComparingInt(Planned::zoneIndex));
        verifyDisjointAndInside(vpc, planned);
        return List.copyOf(planned);
    }

    /** Fails if any two planned subnets overlap or any lies outside the VPC. */
    static void verifyDisjointAndInside(IPAddress vpc, List<Planned> planned) throws PlanException {
        for (int i = 0; i < planned.size(); i++) {
            IPAddress a = parseIpv4Block(planned.get(i).cidr());
            if (!vpc.contains(a)) {
                throw new PlanException(planned.get(i).cidr() + " lies outside the VPC " + vpc.toCanonicalString());
            }
            for (int j = i + 1; j < planned.size(); j++) {
                IPAddress b = parseIpv4Block(planned.get(j).cidr());
                if (a.overlaps(b)) {
                    throw new PlanException(planned.get(i).cidr() + " overlaps " + planned.get(j).cidr());
                }
            }
        }
    }

    /** Parses an IPv4 CIDR block that is written at its network address, e.g. 10.0.0.0/16. */
    public static IPAddress parseIpv4Block(String cidr) throws PlanException {
        try {
            IPAddress address = new IPAddressString(cidr).toAddress();
            if (!address.isIPv4() || !address.isPrefixed()) {
                throw new PlanException("found '" + cidr + "'; allowed: an IPv4 CIDR block such as 10.0.0.0/16");
            }
            IPAddress block = address.toPrefixBlock();
            if (!block.getLower().equals(address.getLower())) {
                throw new PlanException("found '" + cidr + "', which is not the start of its block; allowed: "
                        + block.toCanonicalString());
            }
            return block;
        } catch (AddressStringException e) {
            throw new PlanException("found '" + cidr + "'; allowed: an IPv4 CIDR block such as 10.0.0.0/16");
        }
    }

    private static BigInteger alignUp(BigInteger value, BigInteger size) {
        BigInteger remainder = value.mod(size);
        return remainder.signum() == 0 ? value : value.add(size.subtract(remainder));
    }

    private static long totalAddresses(int zones, Map<SubnetTier, Integer> prefixes) {
        return prefixes.values().stream().mapToLong(p -> (1L << (32 - p)) * zones).sum();
    }
}
