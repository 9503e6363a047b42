import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { present } from "../../lib/values";

export const lambdaEnvironmentEncryptedWithCmk = resourcePolicy({
    name: "lambda-environment-encrypted-with-cmk",
    description: "Lambda functions must encrypt their environment with a customer-managed KMS key (kmsKeyArn) rather "
        + "than Lambda's AWS-managed key, so that the key policy decides who can read it (checkov CKV_AWS_173).",
    category: "encryption-at-rest",
    controls: ["CKV_AWS_173"],
    enforcementLevel: "mandatory",
}, [T.lambdaFunction], (r, out) => {
    if (!present(() => r.props.kmsKeyArn)) {
        out.violation(r, "kmsKeyArn is not set, so the environment is encrypted with the AWS-managed key aws/lambda",
            "kmsKeyArn naming a customer-managed key", "set kmsKeyArn to the stack's key");
    }
});
