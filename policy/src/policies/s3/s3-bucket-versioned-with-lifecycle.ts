import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, known } from "../../lib/values";

export const s3BucketVersionedWithLifecycle = stackPolicy({
    name: "s3-bucket-versioned-with-lifecycle",
    description: "Every bucket must keep object versions, so that an overwrite or delete can be undone, and have "
        + "a lifecycle that expires old versions (FSBP S3.10, S3.13, S3.14; checkov CKV_AWS_21, CKV2_AWS_61; controls "
        + "catalogue S6, S7).",
    category: "data-protection",
    controls: ["S3.10", "S3.13", "S3.14", "CKV_AWS_21", "CKV2_AWS_61", "S6", "S7"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.bucket), out, bucket => {
        out.part(bucket, () => {
            const versioning = graph.bucketCompanions(bucket, "aws:s3/bucketVersioningV2:BucketVersioningV2");
            const enabled = versioning.some(v => known(`${v.name}.versioningConfiguration`,
                () => v.props.versioningConfiguration?.status) === "Enabled");
            if (!enabled) {
                out.violation(bucket, "object versions are not kept", "a BucketVersioningV2 with status Enabled",
                    "set versioning: true in the stack file's bucket settings");
            }
        });
        out.part(bucket, () => {
            const lifecycles = graph.bucketCompanions(bucket, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");
            const expires = lifecycles.some(l => (known(`${l.name}.rules`, () => asArray(l.props.rules)) as any[])
                .some(rule => rule.status === "Enabled" && rule.noncurrentVersionExpiration));
            if (!expires) {
                out.violation(bucket, "no lifecycle rule expires old versions", "an enabled rule with noncurrentVersionExpiration",
                    "set noncurrentVersionExpiryDays in the stack file's bucket settings");
            }
        });
    });
});
