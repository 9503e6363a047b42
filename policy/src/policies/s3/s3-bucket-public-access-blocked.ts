import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export const s3BucketPublicAccessBlocked = stackPolicy({
    name: "s3-bucket-public-access-blocked",
    description: "Every bucket must have a public-access block with all four settings on and ACLs disabled by "
        + "bucket-owner-enforced ownership (FSBP S3.8, S3.12; cdk-nag AwsSolutions-S2; checkov CKV_AWS_53, "
        + "CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, CKV2_AWS_6, CKV2_AWS_65).",
    category: "exposure",
    controls: ["S3.8", "S3.12", "AwsSolutions-S2", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6",
        "CKV2_AWS_65"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.bucket), out, bucket => {
        const blocks = graph.bucketCompanions(bucket, T.bucketPublicAccessBlock);
        if (blocks.length === 0) {
            out.violation(bucket, "no public-access block names this bucket", "a BucketPublicAccessBlock with all four flags true",
                "declare the bucket through the apphome PrivateBucket component, which adds one");
        }
        for (const block of blocks) {
            const off = FLAGS.filter(f => known(`${block.name}.${f}`, () => block.props[f]) !== true);
            if (off.length > 0) {
                out.violation(bucket, `${block.name} leaves ${off.join(", ")} off`, "all four flags true",
                    `set ${off.join(", ")} to true in ${block.name}`);
            }
        }
        const ownership = graph.bucketCompanions(bucket, "aws:s3/bucketOwnershipControls:BucketOwnershipControls");
        const enforced = ownership.some(o => known(`${o.name}.rule`, () => o.props.rule?.objectOwnership) === "BucketOwnerEnforced");
        if (!enforced) {
            out.violation(bucket, "ACLs are not disabled", "BucketOwnershipControls with objectOwnership BucketOwnerEnforced",
                "add ownership controls with BucketOwnerEnforced");
        }
    });
});
