import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const dynamodbPointInTimeRecovery = resourcePolicy({
    name: "dynamodb-point-in-time-recovery",
    description: "DynamoDB tables must have point-in-time recovery and deletion protection (FSBP DynamoDB.2, "
        + "DynamoDB.6; cdk-nag AwsSolutions-DDB3; checkov CKV_AWS_28).",
    category: "data-protection",
    controls: ["DynamoDB.2", "DynamoDB.6", "AwsSolutions-DDB3", "CKV_AWS_28"],
    enforcementLevel: "mandatory",
}, [T.dynamoTable], (r, out) => {
    out.part(r, () => {
        if (known("pointInTimeRecovery.enabled", () => r.props.pointInTimeRecovery?.enabled) !== true) {
            out.violation(r, "point-in-time recovery is off", "pointInTimeRecovery: {enabled: true}",
                "set pointInTimeRecovery: true in the stack file's table settings (apphome:tables)");
        }
    });
    out.part(r, () => {
        if (known("deletionProtectionEnabled", () => r.props.deletionProtectionEnabled) !== true) {
            out.violation(r, "deletion protection is off", "deletionProtectionEnabled: true",
                "set deletionProtection: true in the stack file's table settings (apphome:tables)");
        }
    });
});
