package dev.apphome.network;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Plans every subnet's CIDR from the VPC range as a pure function of the tier and the AZ's index:
 * each tier reserves a block of {@code zoneSlots} subnets (tiers in order of size, largest first,
 * every subnet aligned to its own size so that no space is lost), and the subnets of AZs past
 * {@code zoneSlots} take a second set of blocks, reserved for every AZ up to {@link #MAX_ZONES},
 * after the first. No address depends on how many AZs the stack has, so adding AZs never moves a
 * subnet. With {@code zoneSlots} equal to the AZ count this is exactly version 1's layout, which
 * packed the tiers for the AZ count alone and so moved subnets whenever it changed.
 */
public final class SubnetPlan {

    /** The most AZs a stack may span; the second set of blocks is reserved up to it. */
    public static final int MAX_ZONES = 6;

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

    /**
     * Plans the subnets of {@code zones} AZs, or explains why the VPC cannot hold them.
     *
     * @param zoneSlots AZs whose subnets the first blocks hold (the AZ count the stack's addresses
     *                  were first planned for); AZs past it go in the second blocks
     */
    public static List<Planned> plan(String vpcCidr, int zones, int zoneSlots, Map<SubnetTier, Integer> prefixes)
            throws PlanException {
        IPAddress vpc = parseIpv4Block(vpcCidr);
        int vpcPrefix = vpc.getNetworkPrefixLength();
        if (vpcPrefix < 16 || vpcPrefix > 28) {
            throw new PlanException("found /" + vpcPrefix + "; allowed: a VPC prefix from /16 to /28 (an AWS limit)");
        }
        if (zones < 1 || zones > MAX_ZONES || zoneSlots < 1 || zoneSlots > MAX_ZONES) {
            throw new IllegalArgumentException("zones " + zones + " and zoneSlots " + zoneSlots + " must be 1 to " + MAX_ZONES);
        }
        List<SubnetTier> order = new ArrayList<>(List.of(SubnetTier.values()));
        order.sort(Comparator.comparingInt(prefixes::get)); // largest blocks first keeps everything aligned
        for (SubnetTier tier : order) {
            int prefix = prefixes.get(tier);
            if (prefix < vpcPrefix || prefix > 28) {
                throw new PlanException("the " + tier.label() + " subnet prefix /" + prefix
                        + " does not fit a /" + vpcPrefix + " VPC; allowed: /" + vpcPrefix + " to /28");
            }
        }
        BigInteger end = vpc.getUpper().getValue();
        Map<SubnetTier, BigInteger[]> starts = new EnumMap<>(SubnetTier.class);
        order.forEach(tier -> starts.put(tier, new BigInteger[MAX_ZONES]));
        // The first blocks: zoneSlots subnets per tier, reserved whether or not every AZ is used yet.
        BigInteger next = reserve(order, prefixes, starts, 0, zoneSlots, vpc.getLower().getValue());
        if (next.subtract(BigInteger.ONE).compareTo(end) > 0) {
            String tiers = " × 3 tiers (public /" + prefixes.get(SubnetTier.PUBLIC) + ", private /"
                    + prefixes.get(SubnetTier.PRIVATE) + ", isolated /" + prefixes.get(SubnetTier.ISOLATED) + ")";
            throw new PlanException(zoneSlots == zones
                    ? "needs " + totalAddresses(zones, prefixes) + " addresses for " + zones + " AZs" + tiers + " but "
                    + vpcCidr + " has " + vpc.getCount() + "; allowed: a larger VPC range or smaller subnets"
                    : "needs " + totalAddresses(zoneSlots, prefixes) + " addresses to reserve zoneSlots " + zoneSlots
                    + " AZs" + tiers + " but " + vpcCidr + " has " + vpc.getCount()
                    + "; allowed: a larger VPC range, smaller subnets or fewer zoneSlots");
        }
        // The second blocks, after the first: every AZ past zoneSlots, up to MAX_ZONES.
        reserve(order, prefixes, starts, zoneSlots, MAX_ZONES, next);

        for (int zone = zoneSlots; zone < zones; zone++) {
            for (SubnetTier tier : SubnetTier.values()) {
                BigInteger size = BigInteger.ONE.shiftLeft(32 - prefixes.get(tier));
                if (starts.get(tier)[zone].add(size).subtract(BigInteger.ONE).compareTo(end) > 0) {
                    throw new PlanException("the " + tier.label() + " subnet of AZ " + (zone + 1) + " does not fit "
                            + vpcCidr + ": with zoneSlots " + zoneSlots + " the subnets of AZ " + (zoneSlots + 1)
                            + " and later follow every tier's first block; allowed: a larger VPC range, smaller "
                            + "subnets or fewer AZs");
                }
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (SubnetTier tier : SubnetTier.values()) {
            int prefix = prefixes.get(tier);
            for (int zone = 0; zone < zones; zone++) {
                planned.add(new Planned(tier, zone, new IPv4Address(starts.get(tier)[zone].intValue())
                        .setPrefixLength(prefix, false).toPrefixBlock().toCanonicalString()));
            }
        }
        verifyDisjointAndInside(vpc, planned);
        return List.copyOf(planned);
    }

    /** Places slots {@code from} to {@code to} (exclusive) of every tier in order from {@code next}; returns the end. */
    private static BigInteger reserve(List<SubnetTier> order, Map<SubnetTier, Integer> prefixes,
                                      Map<SubnetTier, BigInteger[]> starts, int from, int to, BigInteger next) {
        for (SubnetTier tier : order) {
            BigInteger size = BigInteger.ONE.shiftLeft(32 - prefixes.get(tier));
            for (int slot = from; slot < to; slot++) {
                BigInteger start = alignUp(next, size);
                starts.get(tier)[slot] = start;
                next = start.add(size);
            }
        }
        return next;
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
