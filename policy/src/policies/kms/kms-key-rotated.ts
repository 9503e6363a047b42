import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, show } from "../../lib/values";

export const kmsKeyRotated = resourcePolicy({
    name: "kms-key-rotated",
    description: "Symmetric customer-managed KMS keys must rotate automatically and keep a deletion window of at "
        + "least 7 days (KMS.4 in CIS/NIST; cdk-nag AwsSolutions-KMS5; checkov CKV_AWS_7, CKV_AWS_227).",
    category: "encryption-at-rest",
    controls: ["KMS.4", "KMS.3", "AwsSolutions-KMS5", "CKV_AWS_7", "CKV_AWS_227"],
    enforcementLevel: "mandatory",
}, [T.kmsKey], (r, out) => {
    const spec = known("customerMasterKeySpec", () => r.props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT");
    if (spec !== "SYMMETRIC_DEFAULT") {
        return; // asymmetric and HMAC keys cannot rotate automatically
    }
    out.part(r, () => {
        if (known("enableKeyRotation", () => r.props.enableKeyRotation) !== true) {
            out.violation(r, "enableKeyRotation is not true", "enableKeyRotation: true", "turn on automatic rotation");
        }
    });
    out.part(r, () => {
        const window = known("deletionWindowInDays", () => r.props.deletionWindowInDays);
        if (window !== undefined && window !== null && window < 7) {
            out.violation(r, `deletionWindowInDays is ${show(window)}`, "7 to 30 days", "set deletionWindowInDays to 30");
        }
    });
});
