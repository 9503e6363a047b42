import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present, show } from "../../lib/values";

export const elasticacheEncryptedAtRestWithCmk = resourcePolicy({
    name: "elasticache-encrypted-at-rest-with-cmk",
    description: "ElastiCache replication groups must encrypt data at rest with a customer-managed KMS key, and "
        + "Redis or Valkey must not run as a bare cache cluster, which cannot encrypt at rest "
        + "(FSBP ElastiCache.4; cdk-nag AwsSolutions-AEC3; checkov CKV_AWS_29, CKV_AWS_191).",
    category: "encryption-at-rest",
    controls: ["ElastiCache.4", "AwsSolutions-AEC3", "CKV_AWS_29", "CKV_AWS_191"],
    enforcementLevel: "mandatory",
}, [T.cacheReplicationGroup, T.cacheCluster], (r, out) => {
    if (r.type === T.cacheCluster) {
        const engine = known("engine", () => r.props.engine);
        if (engine !== "memcached" && !present(() => r.props.replicationGroupId)) {
            out.violation(r, `a standalone ${show(engine ?? "redis")} cache cluster`, "a replication group",
                "declare the cache as a replication group (the apphome Cache component does)");
        }
        return;
    }
    const encrypted = known("atRestEncryptionEnabled", () => r.props.atRestEncryptionEnabled);
    if (encrypted !== true) {
        out.violation(r, `atRestEncryptionEnabled is ${show(encrypted)}`, "atRestEncryptionEnabled: true with kmsKeyId",
            "set atRestEncryptionEnabled: true and kmsKeyId (this replaces the replication group)");
    } else if (!present(() => r.props.kmsKeyId)) {
        out.violation(r, "data is encrypted with the AWS-managed key", "kmsKeyId set to a customer-managed key",
            "set kmsKeyId to the stack's KMS key");
    }
});
