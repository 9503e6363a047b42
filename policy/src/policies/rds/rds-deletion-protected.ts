import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const rdsDeletionProtected = resourcePolicy({
    name: "rds-deletion-protected",
    description: "RDS instances and Aurora clusters must have deletion protection and keep a final snapshot "
        + "(FSBP RDS.7, RDS.8; cdk-nag AwsSolutions-RDS10; checkov CKV_AWS_293, CKV_AWS_139).",
    category: "data-protection",
    controls: ["RDS.7", "RDS.8", "AwsSolutions-RDS10", "CKV_AWS_293", "CKV_AWS_139"],
    enforcementLevel: "mandatory",
}, [T.rdsInstance, T.rdsCluster], (r, out) => {
    out.part(r, () => {
        if (known("deletionProtection", () => r.props.deletionProtection) !== true) {
            out.violation(r, "deletionProtection is not true", "deletionProtection: true",
                "set deletionProtection: true in the stack file's database settings");
        }
    });
    out.part(r, () => {
        if (known("skipFinalSnapshot", () => r.props.skipFinalSnapshot) === true) {
            out.violation(r, "skipFinalSnapshot is true", "skipFinalSnapshot: false with a finalSnapshotIdentifier",
                "set skipFinalSnapshot: false in the stack file's database settings");
        }
    });
});
