import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present, show } from "../../lib/values";

export const secretEncryptedWithCmk = resourcePolicy({
    name: "secret-encrypted-with-cmk",
    description: "Secrets Manager secrets must be encrypted with a customer-managed KMS key and keep a recovery "
        + "window of at least 7 days (checkov CKV_AWS_149; controls catalogue SM1, SM3).",
    category: "encryption-at-rest",
    controls: ["CKV_AWS_149", "SM1", "SM3"],
    enforcementLevel: "mandatory",
}, [T.secret], (r, out) => {
    out.part(r, () => {
        if (!present(() => r.props.kmsKeyId)) {
            out.violation(r, "the secret uses the AWS-managed key aws/secretsmanager", "kmsKeyId set to a customer-managed key",
                "set kmsKeyId to the stack's key");
        }
    });
    out.part(r, () => {
        const window = known("recoveryWindowInDays", () => r.props.recoveryWindowInDays);
        if (window !== undefined && window !== null && (typeof window !== "number" || window < 7)) {
            out.violation(r, `recoveryWindowInDays is ${show(window)}`, "7 to 30 days", "set recoveryWindowDays to 7 or more");
        }
    });
});
