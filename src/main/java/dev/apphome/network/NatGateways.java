package dev.apphome.network;

/** How private subnets reach the internet. */
public enum NatGateways {
    /** No NAT gateway: private subnets reach AWS only through VPC endpoints. */
    NONE,
    /** One NAT gateway in the first AZ shared by every private subnet (cheap; one AZ's outage cuts egress). */
    SINGLE,
    /** One NAT gateway per AZ, each private subnet routed through the one in its own AZ. */
    ONE_PER_AZ;

    /** How many gateways this strategy creates over {@code zones} AZs. */
    public int count(int zones) {
        return switch (this) {
            case NONE -> 0;
            case SINGLE -> 1;
            case ONE_PER_AZ -> zones;
        };
    }
}
