import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";

const STATEFUL = [T.rdsInstance, T.rdsCluster, T.bucket, T.legacyBucket, T.kmsKey, T.dynamoTable, T.efsFileSystem,
    T.secret, T.mskCluster];

export const statefulResourcesProtected = resourcePolicy({
    name: "stateful-resources-protected",
    description: "Resources whose loss loses data (databases, buckets, tables, file systems, Kafka clusters, keys and "
        + "secrets) must "
        + "carry Pulumi's protect option, so that no update or destroy can delete them without a deliberate unprotect "
        + "(pulumi-protect, beyond what the AWS-side deletion protections of RDS.8 and ELB.6 cover).",
    category: "data-protection",
    controls: ["pulumi-protect"],
    enforcementLevel: "mandatory",
}, STATEFUL, (r, out) => {
    if (!r.protect) {
        out.violation(r, "the resource is not protected", "protect: true",
            "set apphome:protectResources: true in the stack file");
    }
});
