import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const ec2InstancePublicIpOnlyForNat = resourcePolicy({
    name: "ec2-instance-public-ip-only-for-nat",
    description: "An EC2 instance may have a public IPv4 address only when it is a NAT instance: it forwards "
        + "traffic (sourceDestCheck false) and has no SSH key pair; its security groups are held to private-range "
        + "ingress by security-group-internet-ingress-only-to-load-balancer (FSBP EC2.9; checkov CKV_AWS_88).",
    category: "exposure",
    controls: ["EC2.9", "CKV_AWS_88"],
    enforcementLevel: "mandatory",
}, [T.ec2Instance], (r, out) => {
    if (known("associatePublicIpAddress", () => r.props.associatePublicIpAddress) !== true) {
        return;
    }
    const forwards = known("sourceDestCheck", () => r.props.sourceDestCheck) === false;
    const keyName = known("keyName", () => r.props.keyName);
    if (!forwards || keyName) {
        out.violation(r, `associatePublicIpAddress is true on ${forwards ? `an instance with key pair ${keyName}`
            : "an instance that is not a NAT instance (sourceDestCheck is not false)"}`,
        "a public address only on a NAT instance (sourceDestCheck: false, no keyName)",
        "remove associatePublicIpAddress and run the instance in a private subnet; reach it through Systems Manager");
    }
});
