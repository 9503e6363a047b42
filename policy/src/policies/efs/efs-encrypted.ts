import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const efsEncrypted = resourcePolicy({
    name: "efs-encrypted",
    description: "EFS file systems must be encrypted at rest; the API's default is unencrypted "
        + "(FSBP EFS.1, EFS.8; cdk-nag AwsSolutions-EFS1; checkov CKV_AWS_42, CKV_AWS_184).",
    category: "encryption-at-rest",
    controls: ["EFS.1", "EFS.8", "AwsSolutions-EFS1", "CKV_AWS_42", "CKV_AWS_184"],
    enforcementLevel: "mandatory",
}, [T.efsFileSystem], (r, out) => {
    if (known("encrypted", () => r.props.encrypted) !== true) {
        out.violation(r, "encrypted is not true", "encrypted: true with kmsKeyId", "set encrypted: true and kmsKeyId");
    }
});
