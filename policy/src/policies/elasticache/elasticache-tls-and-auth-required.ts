import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present, show } from "../../lib/values";

export const elasticacheTlsAndAuthRequired = resourcePolicy({
    name: "elasticache-tls-and-auth-required",
    description: "ElastiCache replication groups must require TLS in transit and authenticate clients with an "
        + "AUTH token or RBAC user groups (FSBP ElastiCache.5, ElastiCache.6; cdk-nag AwsSolutions-AEC3, "
        + "AwsSolutions-AEC6; checkov CKV_AWS_30, CKV_AWS_31).",
    category: "encryption-in-transit",
    controls: ["ElastiCache.5", "ElastiCache.6", "AwsSolutions-AEC3", "AwsSolutions-AEC6", "CKV_AWS_30", "CKV_AWS_31"],
    enforcementLevel: "mandatory",
}, [T.cacheReplicationGroup], (r, out) => {
    out.part(r, () => {
        const tls = known("transitEncryptionEnabled", () => r.props.transitEncryptionEnabled);
        const mode = known("transitEncryptionMode", () => r.props.transitEncryptionMode);
        if (tls !== true) {
            out.violation(r, `transitEncryptionEnabled is ${show(tls)}`, "transitEncryptionEnabled: true",
                "set transitEncryptionEnabled: true and transitEncryptionMode: required");
        } else if (mode === "preferred") {
            out.violation(r, "transitEncryptionMode is \"preferred\", which still accepts plain connections",
                "transitEncryptionMode: required", "set transitEncryptionMode: required once every client uses TLS");
        }
    });
    out.part(r, () => {
        if (!present(() => r.props.authToken) && !present(() => r.props.userGroupIds)) {
            out.violation(r, "neither authToken nor userGroupIds is set, so any client that reaches the port is admitted",
                "an AUTH token or RBAC user groups", "set authToken from a generated secret, or userGroupIds");
        }
    });
});
