package dev.apphome.network;

import dev.apphome.schema.Spelling;

/**
 * The instance types a NAT instance may have: the three smallest burstable types of each
 * architecture. Both families support EC2's recover action (an EBS-only instance in a VPC with
 * default tenancy), run on Nitro with ENA (up to 5 Gbps burst), and cost a few dollars a month; a
 * stack that needs more than a t4g.small forwards should use NAT gateways, which scale by themselves.
 * Graviton (t4g) is the default: the cheapest per hour in every region the price table covers.
 */
public enum NatInstanceType {
    @Spelling("t4g.nano") T4G_NANO("arm64"),
    @Spelling("t4g.micro") T4G_MICRO("arm64"),
    @Spelling("t4g.small") T4G_SMALL("arm64"),
    @Spelling("t3.nano") T3_NANO("x86_64"),
    @Spelling("t3.micro") T3_MICRO("x86_64"),
    @Spelling("t3.small") T3_SMALL("x86_64");

    private final String architecture;

    NatInstanceType(String architecture) {
        this.architecture = architecture;
    }

    /** The EC2 instance type, e.g. {@code t4g.nano}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /** {@code arm64} or {@code x86_64}: which build of Amazon Linux 2023 it boots. */
    public String architecture() {
        return architecture;
    }

    /**
     * AWS's public SSM parameter that always names the latest Amazon Linux 2023 AMI for this
     * architecture in the region it is read in (standard kernel, gp3-ready, SSM agent preinstalled).
     */
    public String amiParameter() {
        return "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-" + architecture;
    }
}
