import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present } from "../../lib/values";

export const sqsQueueEncrypted = resourcePolicy({
    name: "sqs-queue-encrypted",
    description: "SQS queues must be encrypted at rest, with a KMS key or SQS-managed encryption set explicitly "
        + "(FSBP SQS.1; cdk-nag AwsSolutions-SQS2; checkov CKV_AWS_27).",
    category: "encryption-at-rest",
    controls: ["SQS.1", "AwsSolutions-SQS2", "CKV_AWS_27"],
    enforcementLevel: "mandatory",
}, [T.queue], (r, out) => {
    const managed = known("sqsManagedSseEnabled", () => r.props.sqsManagedSseEnabled);
    if (!present(() => r.props.kmsMasterKeyId) && managed !== true) {
        out.violation(r, "neither kmsMasterKeyId nor sqsManagedSseEnabled is set", "one of them",
            "set kmsMasterKeyId to the stack's key");
    }
});
