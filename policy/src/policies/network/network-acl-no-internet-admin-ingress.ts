import { resourcePolicy, ResourceView, Reporter } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, known } from "../../lib/values";

/** The remote-administration ports FSBP EC2.21 names: SSH and RDP. */
const ADMIN_PORTS = [22, 3389];
const WORLD = ["0.0.0.0/0", "::/0"];
const ALL_PROTOCOLS = ["-1", "all"];
/** TCP and UDP, by name and number; a network ACL rule may name either. */
const PORT_PROTOCOLS = ["tcp", "6", "udp", "17"];

interface AclEntry {
    what: string;
    action: string;
    protocol: string;
    cidrs: string[];
    fromPort: number;
    toPort: number;
}

function admitsAdministration(entry: AclEntry): number[] {
    if (entry.action.toLowerCase() !== "allow" || !entry.cidrs.some(c => WORLD.includes(c))) {
        return [];
    }
    if (ALL_PROTOCOLS.includes(entry.protocol.toLowerCase())) {
        return ADMIN_PORTS;
    }
    if (!PORT_PROTOCOLS.includes(entry.protocol.toLowerCase())) {
        return [];
    }
    return ADMIN_PORTS.filter(p => entry.fromPort <= p && p <= entry.toPort);
}

function report(r: ResourceView, entry: AclEntry, out: Reporter): void {
    const ports = admitsAdministration(entry);
    if (ports.length === 0) {
        return;
    }
    const range = ALL_PROTOCOLS.includes(entry.protocol.toLowerCase()) ? "every protocol and port"
        : entry.fromPort === entry.toPort ? `${entry.protocol} port ${entry.fromPort}` : `${entry.protocol} ports ${entry.fromPort}-${entry.toPort}`;
    out.violation(r, `${entry.what} admits ${entry.cidrs.filter(c => WORLD.includes(c)).join(" and ")} on ${range}, `
        + `which includes ${ports.join(" and ")}`, "no network ACL rule admitting the internet to port 22 or 3389",
        "narrow the rule's range, or deny those ports in a lower-numbered rule (the apphome network's ACL admits only "
        + "the private subnets)");
}

export const networkAclNoInternetAdminIngress = resourcePolicy({
    name: "network-acl-no-internet-admin-ingress",
    description: "Network ACLs must not admit the internet to remote administration (SSH 22, RDP 3389), whether in an "
        + "inline ingress entry or a standalone inbound rule (FSBP EC2.21; checkov CKV_AWS_229, CKV_AWS_230, "
        + "CKV_AWS_231, CKV_AWS_232; controls catalogue N10).",
    category: "exposure",
    controls: ["EC2.21", "CKV_AWS_229", "CKV_AWS_230", "CKV_AWS_231", "CKV_AWS_232", "N10"],
    enforcementLevel: "mandatory",
}, [T.networkAcl, T.defaultNetworkAcl, T.networkAclRule], (r, out) => {
    if (r.type === T.networkAclRule) {
        if (known("egress", () => r.props.egress) === true) {
            return;
        }
        report(r, {
            what: "the inbound rule",
            action: String(known("ruleAction", () => r.props.ruleAction)),
            protocol: String(known("protocol", () => r.props.protocol)),
            cidrs: [known("cidrBlock", () => r.props.cidrBlock), known("ipv6CidrBlock", () => r.props.ipv6CidrBlock)]
                .filter((c): c is string => typeof c === "string"),
            fromPort: Number(known("fromPort", () => r.props.fromPort ?? 0)),
            toPort: Number(known("toPort", () => r.props.toPort ?? 0)),
        }, out);
        return;
    }
    for (const entry of known("ingress", () => asArray<any>(r.props.ingress))) {
        report(r, {
            what: `inline ingress entry ${entry.ruleNo}`,
            action: String(entry.action),
            protocol: String(entry.protocol),
            cidrs: [entry.cidrBlock, entry.ipv6CidrBlock].filter((c): c is string => typeof c === "string"),
            fromPort: Number(entry.fromPort ?? 0),
            toPort: Number(entry.toPort ?? 0),
        }, out);
    }
});
