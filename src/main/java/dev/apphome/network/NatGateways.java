package dev.apphome.network;

/** How private subnets reach the internet. */
public enum NatGateways {
    /** No NAT gateway: private subnets reach AWS only through VPC endpoints. */
    NONE,
    /** One NAT gateway in the first AZ shared by every private subnet (cheap; one AZ's outage cuts egress). */
    SINGLE,
    /** One NAT gateway per AZ, each private subnet routed through the one in its own AZ. */
    ONE_PER_AZ,
    /**
     * One EC2 NAT instance in the first AZ's public subnet shared by every private subnet: the cheapest
     * egress, at the price of one instance to keep patched, one AZ's (and one host's) availability, and
     * the bandwidth of a burstable instance.
     */
    INSTANCE;

    /** The value as a stack file writes it, for messages (the settings reader spells constants the same way). */
    public String written() {
        return switch (this) {
            case NONE -> "none";
            case SINGLE -> "single";
            case ONE_PER_AZ -> "onePerAz";
            case INSTANCE -> "instance";
        };
    }

    /** How many managed NAT gateways this strategy creates over {@code zones} AZs (a NAT instance is none). */
    public int count(int zones) {
        return switch (this) {
            case NONE, INSTANCE -> 0;
            case SINGLE -> 1;
            case ONE_PER_AZ -> zones;
        };
    }
}
