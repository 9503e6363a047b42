import { resourcePolicy } from "../../lib/policy";
import { LOAD_BALANCERS } from "../../lib/types";
import { known, present } from "../../lib/values";

export const loadBalancerHardened = resourcePolicy({
    name: "load-balancer-hardened",
    description: "Application load balancers must drop invalid HTTP headers, mitigate request desync, and log "
        + "access to a bucket (FSBP ELB.4, ELB.5, ELB.12; cdk-nag AwsSolutions-ELB2; checkov CKV_AWS_131, CKV_AWS_91, "
        + "CKV_AWS_328).",
    category: "exposure",
    controls: ["ELB.4", "ELB.5", "ELB.12", "AwsSolutions-ELB2", "CKV_AWS_131", "CKV_AWS_91", "CKV_AWS_328"],
    enforcementLevel: "mandatory",
}, LOAD_BALANCERS, (r, out) => {
    if ((known("loadBalancerType", () => r.props.loadBalancerType) ?? "application") !== "application") {
        return;
    }
    out.part(r, () => {
        if (known("dropInvalidHeaderFields", () => r.props.dropInvalidHeaderFields) !== true) {
            out.violation(r, "invalid header fields are passed to targets", "dropInvalidHeaderFields: true",
                "set dropInvalidHeaderFields: true");
        }
    });
    out.part(r, () => {
        const desync = known("desyncMitigationMode", () => r.props.desyncMitigationMode) ?? "defensive";
        if (desync === "monitor") {
            out.violation(r, "desync mitigation only monitors", "desyncMitigationMode defensive or strictest",
                "set desyncMitigationMode: defensive");
        }
    });
    out.part(r, () => {
        const logs = known("accessLogs", () => r.props.accessLogs);
        if (!logs || logs.enabled === false || !present(() => logs.bucket)) {
            out.violation(r, "access logs are off", "accessLogs enabled to a private bucket",
                "set loadBalancer.accessLogs: true in the stack file");
        }
    });
});
