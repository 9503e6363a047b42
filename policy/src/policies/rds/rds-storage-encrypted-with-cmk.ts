import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present, show } from "../../lib/values";

export const rdsStorageEncryptedWithCmk = resourcePolicy({
    name: "rds-storage-encrypted-with-cmk",
    description: "RDS instances and Aurora clusters must encrypt their storage with a customer-managed KMS key "
        + "(FSBP RDS.3, RDS.27; cdk-nag AwsSolutions-RDS2; checkov CKV_AWS_16, CKV_AWS_96, CKV_AWS_327).",
    category: "encryption-at-rest",
    controls: ["RDS.3", "RDS.27", "AwsSolutions-RDS2", "CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_327"],
    enforcementLevel: "mandatory",
}, [T.rdsInstance, T.rdsCluster], (r, out) => {
    if (r.type === T.rdsInstance && present(() => r.props.replicateSourceDb)) {
        return; // a read replica inherits its source's encryption
    }
    const encrypted = known("storageEncrypted", () => r.props.storageEncrypted);
    if (encrypted !== true) {
        out.violation(r, `storageEncrypted is ${show(encrypted)}`, "storageEncrypted: true and kmsKeyId set to a customer-managed key",
            "set storageEncrypted: true and kmsKeyId (a database cannot be encrypted after creation: this replaces it)");
    } else if (!present(() => r.props.kmsKeyId)) {
        out.violation(r, "storage is encrypted with the AWS-managed key aws/rds", "kmsKeyId set to a customer-managed key",
            "set kmsKeyId to the stack's KMS key");
    }
});
