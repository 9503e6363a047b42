import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { present } from "../../lib/values";

export const snsTopicEncrypted = resourcePolicy({
    name: "sns-topic-encrypted",
    description: "SNS topics must be encrypted with a KMS key; topics are not encrypted by default "
        + "(NIST SNS.1; checkov CKV_AWS_26).",
    category: "encryption-at-rest",
    controls: ["SNS.1", "CKV_AWS_26"],
    enforcementLevel: "mandatory",
}, [T.topic], (r, out) => {
    if (!present(() => r.props.kmsMasterKeyId)) {
        out.violation(r, "kmsMasterKeyId is not set", "kmsMasterKeyId naming a KMS key whose policy admits the publishers",
            "set kmsMasterKeyId to the stack's key");
    }
});
