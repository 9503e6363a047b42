package dev.apphome.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.Naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A security group that starts closed — no ingress, no egress (the provider removes the default
 * allow-all egress rule) — and is opened only through these methods, one standalone rule per
 * permission, each named after what it admits. Rules are never mixed with inline ones.
 */
public final class Firewall {

    private static final String WORLD_IPV4 = "0.0.0.0/0";

    private final String name;
    private final SecurityGroup group;
    private final Resource owner;
    private final List<Resource> rules = new ArrayList<>();

    /** A closed security group named {@code <owner>-sg}, owned (parented) by {@code owner}. */
    public Firewall(String ownerName, String description, Output<String> vpcId, Resource owner) {
        this.name = Naming.child(ownerName, "sg");
        this.owner = owner;
        this.group = new SecurityGroup(name, SecurityGroupArgs.builder()
                .description(description)
                .vpcId(vpcId)
                .revokeRulesOnDelete(true)
                .tags(Map.of("Name", name))
                .build(), CustomResourceOptions.builder().parent(owner).build());
    }

    public String name() {
        return name;
    }

    public Output<String> id() {
        return group.id();
    }

    /** Every rule that opens this group so far, ingress and egress: what its members wait for before they start. */
    public List<Resource> rules() {
        return List.copyOf(rules);
    }

    /**
     * Lets {@code source} reach this group on TCP {@code port}: an ingress rule here that names the
     * source group, and the matching egress rule on the source that names this group. Security
     * groups stay chained by reference, never by address range.
     */
    public void admit(Firewall source, int port, String why) {
        String suffix = source.name + "-" + port;
        rules.add(new SecurityGroupIngressRule(Naming.child(name, "in-" + suffix), SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .referencedSecurityGroupId(source.group.id())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description(why)
                .build(), CustomResourceOptions.builder().parent(owner).build()));
        source.rules.add(new SecurityGroupEgressRule(Naming.child(source.name, "out-" + name + "-" + port), SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(source.group.id())
                .referencedSecurityGroupId(group.id())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description(why)
                .build(), CustomResourceOptions.builder().parent(source.owner).build()));
    }

    /** Opens TCP {@code port} to the whole internet (IPv4). Only the load balancer's group does this. */
    public void admitInternet(int port, String why) {
        rules.add(new SecurityGroupIngressRule(Naming.child(name, "in-internet-" + port), SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .cidrIpv4(WORLD_IPV4)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description(why)
                .build(), CustomResourceOptions.builder().parent(owner).build()));
    }

    /**
     * Admits TCP {@code port} from an AWS-managed prefix list, e.g. CloudFront's origin-facing
     * addresses. A rule with a prefix list counts as many rules as the list's maximum entries
     * towards the group's quota (CloudFront's: 55 of the default 60), so a group holds one such rule.
     */
    public void admitPrefixList(String label, Output<String> prefixListId, int port, String why) {
        rules.add(new SecurityGroupIngressRule(Naming.child(name, "in-" + label + "-" + port), SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .prefixListId(prefixListId)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description(why)
                .build(), CustomResourceOptions.builder().parent(owner).build()));
    }

    /** Admits TCP {@code port} from an address range inside the VPC (interface endpoints only). */
    public void admitRange(String label, String cidr, int port, String why) {
        rules.add(new SecurityGroupIngressRule(Naming.child(name, "in-" + label + "-" + port), SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .cidrIpv4(cidr)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description(why)
                .build(), CustomResourceOptions.builder().parent(owner).build()));
    }

    /**
     * Admits every protocol and port from an address range inside the VPC: only for a NAT instance,
     * which forwards whatever the private subnets send out.
     */
    public void admitAllFromRange(String label, String cidr, String why) {
        rules.add(new SecurityGroupIngressRule(Naming.child(name, "in-" + label + "-all"), SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .cidrIpv4(cidr)
                .ipProtocol("-1")
                .description(why)
                .build(), CustomResourceOptions.builder().parent(owner).build()));
    }

    /** Lets this group's members send anything anywhere (IPv4): only for a NAT instance, the private subnets' way out. */
    public void allowAllOut(String why) {
        rules.add(new SecurityGroupEgressRule(Naming.child(name, "out-all"), SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(group.id())
                .cidrIpv4(WORLD_IPV4)
                .ipProtocol("-1")
                .description(why)
                .build(), CustomResourceOptions.builder().parent(owner).build()));
    }

    /** Lets this group's members open HTTPS connections anywhere (AWS APIs, image registries, third parties). */
    public void allowHttpsOut(String why) {
        rules.add(new SecurityGroupEgressRule(Naming.child(name, "out-https"), SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(group.id())
                .cidrIpv4(WORLD_IPV4)
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description(why)
                .build(), CustomResourceOptions.builder().parent(owner).build()));
    }
}
