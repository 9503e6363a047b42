import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, show } from "../../lib/values";

export const elasticacheFailoverAndBackups = resourcePolicy({
    name: "elasticache-failover-and-backups",
    description: "ElastiCache replication groups must have a replica in another AZ with automatic failover, and "
        + "daily snapshots (FSBP ElastiCache.1, ElastiCache.3; cdk-nag AwsSolutions-AEC4; checkov CKV_AWS_134, "
        + "CKV2_AWS_50).",
    category: "data-protection",
    controls: ["ElastiCache.1", "ElastiCache.3", "AwsSolutions-AEC4", "CKV_AWS_134", "CKV2_AWS_50"],
    enforcementLevel: "mandatory",
}, [T.cacheReplicationGroup], (r, out) => {
    out.part(r, () => {
        const failover = known("automaticFailoverEnabled", () => r.props.automaticFailoverEnabled);
        const multiAz = known("multiAzEnabled", () => r.props.multiAzEnabled);
        if (failover !== true || multiAz !== true) {
            out.violation(r, `automaticFailoverEnabled is ${show(failover)} and multiAzEnabled is ${show(multiAz)}`,
                "both true, with at least one replica", "set replicas: 1 and multiAz: true in the stack file's cache settings");
        }
    });
    out.part(r, () => {
        const snapshots = known("snapshotRetentionLimit", () => r.props.snapshotRetentionLimit);
        if (typeof snapshots !== "number" || snapshots < 1) {
            out.violation(r, `snapshotRetentionLimit is ${show(snapshots)}`, "at least 1 day of snapshots",
                "set snapshotRetentionDays: 1 or more in the stack file's cache settings");
        }
    });
});
