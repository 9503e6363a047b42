package dev.apphome.network;

/** The three subnet tiers, by what may route where. */
public enum SubnetTier {
    /** Load balancer and NAT gateways; default route to the internet gateway. */
    PUBLIC("public"),
    /** Tasks; default route through a NAT gateway (or none), never to the internet gateway. */
    PRIVATE("private"),
    /** Data stores; no route beyond the VPC at all. */
    ISOLATED("isolated");

    private final String label;

    SubnetTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
