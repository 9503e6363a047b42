import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present } from "../../lib/values";

export const dynamodbEncryptedWithCmk = resourcePolicy({
    name: "dynamodb-encrypted-with-cmk",
    description: "DynamoDB tables must be encrypted with a customer-managed KMS key rather than the AWS-owned "
        + "default (checkov CKV_AWS_119).",
    category: "encryption-at-rest",
    controls: ["CKV_AWS_119"],
    enforcementLevel: "mandatory",
}, [T.dynamoTable], (r, out) => {
    const sse = known("serverSideEncryption", () => r.props.serverSideEncryption);
    const enabled = known("serverSideEncryption.enabled", () => sse?.enabled);
    if (enabled !== true || !present(() => sse?.kmsKeyArn)) {
        out.violation(r, "the table uses the AWS-owned key", "serverSideEncryption: {enabled: true, kmsKeyArn}",
            "declare the table under apphome:tables, which encrypts it with the stack's key");
    }
});
