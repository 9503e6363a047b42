import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const rdsNotPubliclyAccessible = resourcePolicy({
    name: "rds-not-publicly-accessible",
    description: "RDS instances and Aurora cluster members must not be publicly accessible "
        + "(FSBP RDS.2; checkov CKV_AWS_17).",
    category: "exposure",
    controls: ["RDS.2", "CKV_AWS_17"],
    enforcementLevel: "mandatory",
}, [T.rdsInstance, T.rdsClusterInstance], (r, out) => {
    const exposed = known("publiclyAccessible", () => r.props.publiclyAccessible);
    if (exposed === true) {
        out.violation(r, "publiclyAccessible is true", "publiclyAccessible: false",
            "remove publiclyAccessible or set it to false; reach the database through the services or a bastion");
    }
});
