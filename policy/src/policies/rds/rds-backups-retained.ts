import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, show } from "../../lib/values";

interface Config {
    minimumDays: number;
}

export const rdsBackupsRetained = resourcePolicy<Config>({
    name: "rds-backups-retained",
    description: "RDS instances and Aurora clusters must keep automated backups (point-in-time recovery) for at "
        + "least the configured number of days (FSBP RDS.11; cdk-nag AwsSolutions-RDS13; checkov CKV_AWS_133).",
    category: "data-protection",
    controls: ["RDS.11", "AwsSolutions-RDS13", "CKV_AWS_133"],
    enforcementLevel: "mandatory",
    config: { minimumDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } },
}, [T.rdsInstance, T.rdsCluster], (r, out, config) => {
    if (r.type === T.rdsInstance && known("replicateSourceDb", () => r.props.replicateSourceDb)) {
        return;
    }
    const days = known("backupRetentionPeriod", () => r.props.backupRetentionPeriod);
    if (typeof days !== "number" || days < config.minimumDays) {
        out.violation(r, `backupRetentionPeriod is ${show(days)}`, `at least ${config.minimumDays} days`,
            `set backupRetentionDays to ${config.minimumDays} or more in the stack file's database settings`);
    }
});
