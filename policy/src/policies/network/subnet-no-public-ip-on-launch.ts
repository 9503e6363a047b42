import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const subnetNoPublicIpOnLaunch = resourcePolicy({
    name: "subnet-no-public-ip-on-launch",
    description: "Subnets must not give launched network interfaces public addresses; in this topology only the "
        + "load balancer and NAT gateways face the internet, and they bring their own (FSBP EC2.15; checkov CKV_AWS_130).",
    category: "exposure",
    controls: ["EC2.15", "CKV_AWS_130"],
    enforcementLevel: "mandatory",
}, [T.subnet], (r, out) => {
    out.part(r, () => {
        if (known("mapPublicIpOnLaunch", () => r.props.mapPublicIpOnLaunch) === true) {
            out.violation(r, "mapPublicIpOnLaunch is true", "mapPublicIpOnLaunch: false",
                "remove mapPublicIpOnLaunch; give the load balancer or NAT gateway an address instead");
        }
    });
    out.part(r, () => {
        if (known("assignIpv6AddressOnCreation", () => r.props.assignIpv6AddressOnCreation) === true) {
            out.violation(r, "assignIpv6AddressOnCreation is true", "assignIpv6AddressOnCreation: false",
                "remove assignIpv6AddressOnCreation");
        }
    });
});
