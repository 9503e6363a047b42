import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present } from "../../lib/values";

export const logGroupEncrypted = resourcePolicy({
    name: "log-group-encrypted",
    description: "CloudWatch log groups must be encrypted with a KMS key and keep logs for a bounded time "
        + "(checkov CKV_AWS_158, CKV_AWS_66; controls catalogue L1, L2).",
    category: "encryption-at-rest",
    controls: ["CKV_AWS_158", "CKV_AWS_66", "L1", "L2"],
    enforcementLevel: "mandatory",
}, [T.logGroup], (r, out) => {
    out.part(r, () => {
        if (!present(() => r.props.kmsKeyId)) {
            out.violation(r, "kmsKeyId is not set", "kmsKeyId naming a key whose policy admits CloudWatch Logs",
                "set kmsKeyId to the stack's key");
        }
    });
    out.part(r, () => {
        if (!known("retentionInDays", () => r.props.retentionInDays)) {
            out.violation(r, "logs are kept forever", "retentionInDays set", "set logRetentionDays in the stack file");
        }
    });
});
