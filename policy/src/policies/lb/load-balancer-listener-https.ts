import { resourcePolicy } from "../../lib/policy";
import { LISTENERS } from "../../lib/types";
import { asArray, known, present, show } from "../../lib/values";

interface Config {
    allowedSslPolicies: string[];
}

export const loadBalancerListenerHttps = resourcePolicy<Config>({
    name: "load-balancer-listener-https",
    description: "Load balancer listeners must serve HTTPS with a certificate and a TLS 1.2+ policy from the "
        + "allowed list; a plain HTTP listener may only redirect to HTTPS (FSBP ELB.1, ELB.17, ELB.18; "
        + "checkov CKV_AWS_2, CKV_AWS_103, CKV2_AWS_20).",
    category: "encryption-in-transit",
    controls: ["ELB.1", "ELB.17", "ELB.18", "CKV_AWS_2", "CKV_AWS_103", "CKV2_AWS_20"],
    enforcementLevel: "mandatory",
    config: {
        allowedSslPolicies: {
            type: "array",
            items: { type: "string" },
            default: ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06",
                "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
                "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"],
        },
    },
}, LISTENERS, (r, out, config) => {
    const protocol = known("protocol", () => r.props.protocol);
    if (protocol === "HTTPS" || protocol === "TLS") {
        const policy = known("sslPolicy", () => r.props.sslPolicy);
        if (!config.allowedSslPolicies.includes(policy)) {
            out.violation(r, `sslPolicy is ${show(policy)}`, `one of ${config.allowedSslPolicies.join(", ")}`,
                "set loadBalancer.sslPolicy in the stack file to a TLS 1.3 policy");
        }
        if (!present(() => r.props.certificateArn)) {
            out.violation(r, "no certificate", "certificateArn", "set loadBalancer.certificateArn or domain in the stack file");
        }
        return;
    }
    const actions = known("defaultActions", () => asArray(r.props.defaultActions)) as any[];
    const redirectsToHttps = actions.length === 1 && actions[0].type === "redirect"
        && actions[0].redirect?.protocol === "HTTPS";
    if (!redirectsToHttps) {
        out.violation(r, `a ${show(protocol)} listener that serves traffic`, "HTTPS, or HTTP that only redirects to HTTPS",
            "set loadBalancer.certificateArn, or domain and hostedZoneId, in the stack file instead of plainHttp: true");
    }
});
