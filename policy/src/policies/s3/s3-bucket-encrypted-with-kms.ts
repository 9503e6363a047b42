import { PolicyResource } from "@pulumi/policy";
import { each, stackPolicy } from "../../lib/policy";
import { LOAD_BALANCERS, T } from "../../lib/types";
import { asArray, known } from "../../lib/values";

export const s3BucketEncryptedWithKms = stackPolicy({
    name: "s3-bucket-encrypted-with-kms",
    description: "Every bucket must have a default-encryption configuration using SSE-KMS with a bucket key; only a "
        + "bucket that receives load-balancer access logs may use SSE-S3, because log delivery cannot write to an "
        + "SSE-KMS bucket (controls catalogue S1; checkov CKV_AWS_145).",
    category: "encryption-at-rest",
    controls: ["S1", "CKV_AWS_145", "S3.17"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    const logBuckets = new Set<string>(graph.ofType(...LOAD_BALANCERS)
        .flatMap(lb => graph.deps(lb, "accessLogs")).map(b => b.urn));
    each(graph.ofType(T.bucket), out, (bucket: PolicyResource) => {
        const configs = graph.bucketCompanions(bucket, T.bucketEncryption);
        if (configs.length === 0) {
            out.violation(bucket, "no default-encryption configuration names this bucket",
                "a BucketServerSideEncryptionConfigurationV2 with sseAlgorithm aws:kms",
                "declare the bucket through the apphome PrivateBucket component, which adds one");
            return;
        }
        for (const config of configs) {
            const rules = known(`${config.name}.rules`, () => asArray(config.props.rules)) as any[];
            const defaults = rules.map(rule => known(`${config.name}.rules`, () => rule.applyServerSideEncryptionByDefault ?? {}));
            const algorithms = defaults.map(d => known(`${config.name}.sseAlgorithm`, () => String(d.sseAlgorithm)));
            const kms = algorithms.length > 0 && algorithms.every(a => a === "aws:kms" || a === "aws:kms:dsse");
            if (kms) {
                const bucketKeys = rules.map(rule => known(`${config.name}.bucketKeyEnabled`, () => rule.bucketKeyEnabled));
                if (!bucketKeys.every(k => k === true)) {
                    out.violation(bucket, "SSE-KMS without a bucket key", "bucketKeyEnabled: true",
                        `set bucketKeyEnabled: true in ${config.name} (one KMS call per bucket key instead of per object)`);
                }
            } else if (!(logBuckets.has(bucket.urn) && algorithms.every(a => a === "AES256"))) {
                out.violation(bucket, `default encryption is ${algorithms.join(", ") || "empty"}`,
                    "sseAlgorithm aws:kms with the stack's key (SSE-S3 only for load-balancer access-log buckets)",
                    `set sseAlgorithm: aws:kms and kmsMasterKeyId in ${config.name}`);
            }
        }
    });
});
