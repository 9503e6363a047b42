import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present } from "../../lib/values";

export const cloudtrailValidatedAndEncrypted = resourcePolicy({
    name: "cloudtrail-validated-and-encrypted",
    description: "CloudTrail trails must cover every region, validate their log files and encrypt them with a "
        + "customer-managed KMS key (FSBP CloudTrail.1, CloudTrail.2, CloudTrail.4; checkov CKV_AWS_35, CKV_AWS_36, "
        + "CKV_AWS_67).",
    category: "encryption-at-rest",
    controls: ["CloudTrail.1", "CloudTrail.2", "CloudTrail.4", "CKV_AWS_35", "CKV_AWS_36", "CKV_AWS_67"],
    enforcementLevel: "mandatory",
}, [T.cloudtrailTrail], (r, out) => {
    out.part(r, () => {
        if (!present(() => r.props.kmsKeyId)) {
            out.violation(r, "log files are encrypted with SSE-S3 only", "kmsKeyId set to a customer-managed key",
                "declare the trail under apphome:trail, which encrypts with the stack's key");
        }
    });
    out.part(r, () => {
        if (known("enableLogFileValidation", () => r.props.enableLogFileValidation) !== true) {
            out.violation(r, "log file validation is off", "enableLogFileValidation: true",
                "turn on log file validation so that changed or deleted files are detected");
        }
    });
    out.part(r, () => {
        if (known("isMultiRegionTrail", () => r.props.isMultiRegionTrail) !== true) {
            out.violation(r, "the trail records one region only", "isMultiRegionTrail: true",
                "make the trail multi-region");
        }
    });
});
