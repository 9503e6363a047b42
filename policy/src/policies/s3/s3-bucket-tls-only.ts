import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { deniesInsecureTransport } from "../../lib/documents";
import { parseJson } from "../../lib/values";

export const s3BucketTlsOnly = stackPolicy({
    name: "s3-bucket-tls-only",
    description: "Every bucket must have a bucket policy that denies any request made without TLS "
        + "(FSBP S3.5; cdk-nag AwsSolutions-S10; checkov CKV_AWS_379).",
    category: "encryption-in-transit",
    controls: ["S3.5", "AwsSolutions-S10", "CKV_AWS_379"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.bucket), out, bucket => {
        const policies = graph.bucketCompanions(bucket, T.bucketPolicy);
        if (policies.length === 0) {
            out.violation(bucket, "no bucket policy names this bucket", "a policy denying requests where aws:SecureTransport is false",
                "declare the bucket through the apphome PrivateBucket component, which adds one");
            return;
        }
        const documents = policies.map(p => parseJson(`${p.name}.policy`, () => p.props.policy) as any);
        if (!documents.some(deniesInsecureTransport)) {
            out.violation(bucket, "its bucket policy allows requests without TLS",
                "a Deny statement for Principal * when aws:SecureTransport is false", "add the statement to the bucket policy");
        }
    });
});
