import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present } from "../../lib/values";

export const rdsCredentialsManagedByRds = resourcePolicy({
    name: "rds-credentials-managed-by-rds",
    description: "RDS instances and Aurora clusters must let RDS keep the master password in Secrets Manager "
        + "instead of taking it from the program, so that it never reaches the stack file or state "
        + "(FSBP RDS.12 for IAM authentication; controls catalogue R9, C8).",
    category: "encryption-at-rest",
    controls: ["RDS.12", "R9", "C8"],
    enforcementLevel: "mandatory",
}, [T.rdsInstance, T.rdsCluster], (r, out) => {
    if (r.type === T.rdsInstance && present(() => r.props.replicateSourceDb)) {
        return;
    }
    const passwordProp = r.type === T.rdsInstance ? "password" : "masterPassword";
    const managed = known("manageMasterUserPassword", () => r.props.manageMasterUserPassword);
    if (present(() => r.props[passwordProp])) {
        out.violation(r, `${passwordProp} is set by the program`, "manageMasterUserPassword: true and no password",
            `remove ${passwordProp} and set manageMasterUserPassword: true; services read the RDS-managed secret by ARN`);
    } else if (managed !== true) {
        out.violation(r, "manageMasterUserPassword is not true", "manageMasterUserPassword: true",
            "set manageMasterUserPassword: true and masterUserSecretKmsKeyId to the stack's key");
    }
});
