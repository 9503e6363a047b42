import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, known } from "../../lib/values";

export const ecrRepositoryEncrypted = resourcePolicy({
    name: "ecr-repository-encrypted",
    description: "ECR repositories must encrypt images with KMS and scan them on push (FSBP ECR.1; checkov "
        + "CKV_AWS_136, CKV_AWS_163).",
    category: "encryption-at-rest",
    controls: ["ECR.1", "CKV_AWS_136", "CKV_AWS_163"],
    enforcementLevel: "mandatory",
}, [T.ecrRepository], (r, out) => {
    out.part(r, () => {
        const configs = known("encryptionConfigurations", () => asArray(r.props.encryptionConfigurations)) as any[];
        if (!configs.some(c => c.encryptionType === "KMS")) {
            out.violation(r, "images are encrypted with AES256 only", "encryptionConfigurations: [{encryptionType: KMS}]",
                "set KMS encryption when creating the repository (it cannot be changed later)");
        }
    });
    out.part(r, () => {
        if (known("imageScanningConfiguration", () => r.props.imageScanningConfiguration?.scanOnPush) !== true) {
            out.violation(r, "images are not scanned on push", "imageScanningConfiguration: {scanOnPush: true}",
                "turn on scan on push");
        }
    });
});
