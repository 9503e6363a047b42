package dev.apphome.network;

import dev.apphome.config.ConfigEnum;

/** How private subnets reach the internet. */
public enum NatGateways implements ConfigEnum {
    /** No NAT gateway: private subnets reach AWS only through VPC endpoints. */
    NONE("none"),
    /** One NAT gateway in the first AZ shared by every private subnet (cheap; one AZ's outage cuts egress). */
    SINGLE("single"),
    /** One NAT gateway per AZ, each private subnet routed through the one in its own AZ. */
    ONE_PER_AZ("onePerAz");

    private final String configValue;

    NatGateways(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** How many gateways this strategy creates over {@code zones} AZs. */
    public int count(int zones) {
        return switch (this) {
            case NONE -> 0;
            case SINGLE -> 1;
            case ONE_PER_AZ -> zones;
        };
    }
}
