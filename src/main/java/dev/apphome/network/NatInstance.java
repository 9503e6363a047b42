package dev.apphome.network;

import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.inputs.InstanceCreditSpecificationArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.alerts.Alerts;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Json;
import dev.apphome.common.Naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One EC2 instance that forwards the private subnets' traffic to the internet (network.natGateways
 * {@code instance}): Amazon Linux 2023 with IP forwarding and an iptables MASQUERADE rule kept across
 * reboots, source/destination check off, in the first public subnet with a public IPv4 address. It
 * is reached only through Systems Manager (no key pair, no inbound port from outside the VPC), asks
 * IMDSv2 tokens with a hop limit of 1, and boots from a gp3 volume encrypted with the stack's key.
 * Its alarm recovers it onto new hardware when AWS's system status check fails.
 */
final class NatInstance {

    /** The size of Amazon Linux 2023's root snapshot; a smaller volume cannot be launched from it. */
    static final int ROOT_VOLUME_GB = 8;
    /** AWS's managed policy for the SSM agent: Session Manager, patching and inventory, nothing else. */
    static final String SSM_CORE_POLICY = "policy/AmazonSSMManagedInstanceCore";

    private final Instance instance;
    private final String region;
    private final String partition;

    /**
     * @param publicSubnet   where it runs (the first AZ's public subnet, routed to the internet gateway)
     * @param privateRanges  the private subnets' CIDRs, the only sources its security group admits
     * @param startAfter     what must exist before it boots and installs packages: the public route
     */
    NatInstance(String networkName, NatInstanceType type, Output<String> vpcId, Output<String> publicSubnet,
                List<String> privateRanges, AwsContext aws, Output<String> keyArn, List<Resource> startAfter,
                Resource owner) {
        String name = Naming.child(networkName, "nat-instance");
        this.region = aws.region();
        this.partition = aws.partition();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(owner).build();

        var firewall = new Firewall(name, "Traffic from the private subnets that the NAT instance forwards", vpcId, owner);
        for (int i = 0; i < privateRanges.size(); i++) {
            firewall.admitAllFromRange("private-" + (i + 1), privateRanges.get(i),
                    "everything private subnet " + (i + 1) + " sends out");
        }
        firewall.allowAllOut("forwarded traffic, package updates and Systems Manager");

        // The trust names the service alone, as AWS's instance-role examples do: whether EC2 sets
        // aws:SourceAccount when it assumes an instance role was not confirmed, and a condition it does
        // not meet would leave the instance without credentials. Only this account's instance profiles
        // can hand the role to an instance.
        var role = new Role(name, RoleArgs.builder()
                .description("Lets " + name + " be managed through Systems Manager; nothing else")
                .assumeRolePolicy(Json.render(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow", "Principal", Map.of("Service", "ec2.amazonaws.com"),
                        "Action", "sts:AssumeRole")))))
                .build(), child);
        var ssm = new RolePolicyAttachment(Naming.child(name, "ssm"), RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn("arn:" + partition + ":iam::aws:" + SSM_CORE_POLICY)
                .build(), child);
        var profile = new InstanceProfile(name, InstanceProfileArgs.builder()
                .role(role.name())
                .build(), child);

        Output<String> ami = SsmFunctions.getParameter(GetParameterArgs.builder()
                .name(type.amiParameter()).build()).applyValue(r -> r.value());

        List<Resource> before = new ArrayList<>(startAfter);
        before.addAll(firewall.rules());
        before.add(ssm);
        this.instance = new Instance(name, InstanceArgs.builder()
                .ami(ami)
                .instanceType(type.apiName())
                .subnetId(publicSubnet)
                .vpcSecurityGroupIds(firewall.id().applyValue(List::of))
                // Same $0.005 an hour as an Elastic IP, one resource fewer, and nothing left billing when the
                // instance is replaced; recovery keeps the address, and egress needs no fixed one.
                .associatePublicIpAddress(true)
                // It forwards packets addressed to others: with the check on, EC2 drops them.
                .sourceDestCheck(false)
                .iamInstanceProfile(profile.name())
                .metadataOptions(InstanceMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(1)
                        .build())
                .rootBlockDevice(InstanceRootBlockDeviceArgs.builder()
                        .volumeType("gp3")
                        .volumeSize(ROOT_VOLUME_GB)
                        .encrypted(true)
                        .kmsKeyId(keyArn)
                        .deleteOnTermination(true)
                        .build())
                // Standard credits: at worst it slows to its baseline; unlimited would bill surplus CPU.
                .creditSpecification(InstanceCreditSpecificationArgs.builder().cpuCredits("standard").build())
                .userData(userData())
                // User data runs at first boot only: a changed script needs a new instance to take effect.
                .userDataReplaceOnChange(true)
                .tags(Map.of("Name", name))
                .build(), CustomResourceOptions.builder().parent(owner).dependsOn(before)
                // The parameter names a newer AMI every few weeks, and ami forces a replacement: a deployed
                // instance keeps its AMI (patched in place by dnf) until it is replaced on purpose.
                .ignoreChanges("ami")
                .build());
    }

    /**
     * Enables forwarding and source NAT. User data runs at the first boot only; later boots keep
     * both because forwarding is set in /etc/sysctl.d and the rules are saved to
     * /etc/sysconfig/iptables, which the iptables service restores. AL2023 ships neither iptables nor
     * that service, so iptables-services is installed (over the internet gateway: the instance has
     * its own public address). The FORWARD chain is emptied because the package's default rules
     * reject forwarded packets; its policy stays ACCEPT, and the security group admits only the
     * private subnets.
     */
    static String userData() {
        return String.join("\n",
                "#!/bin/bash",
                "set -euo pipefail",
                "dnf install -y iptables-services",
                "echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf",
                "sysctl --system",
                "systemctl enable --now iptables",
                "iface=$(ip route show default | awk '{print $5; exit}')",
                "iptables -t nat -A POSTROUTING -o \"$iface\" -j MASQUERADE",
                "iptables -F FORWARD",
                "service iptables save",
                "");
    }

    Output<String> id() {
        return instance.id();
    }

    /** The instance's primary network interface: what the private route tables' default route targets. */
    Output<String> networkInterfaceId() {
        return instance.primaryNetworkInterfaceId();
    }

    /**
     * Recovers the instance onto healthy hardware when AWS's system status check fails for two
     * minutes (same id, addresses and volume), and tells the alert topic.
     */
    Alerts.AlarmSpec recoveryAlarm() {
        return new Alerts.AlarmSpec("nat-instance-recover", "NAT instance system status check failed (recovering it)",
                "AWS/EC2", "StatusCheckFailed_System", Map.of("InstanceId", instance.id()), "Maximum",
                "GreaterThanOrEqualToThreshold", 1, 60, 2, "missing",
                List.of("arn:" + partition + ":automate:" + region + ":ec2:recover"));
    }
}
