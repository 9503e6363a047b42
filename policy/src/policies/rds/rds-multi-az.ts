import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const rdsMultiAz = stackPolicy({
    name: "rds-multi-az",
    description: "A database must survive the loss of one availability zone: an RDS instance runs Multi-AZ, an "
        + "Aurora cluster has at least one member besides its writer (FSBP RDS.5, RDS.15; cdk-nag AwsSolutions-RDS3; "
        + "checkov CKV_AWS_157).",
    category: "data-protection",
    controls: ["RDS.5", "RDS.15", "AwsSolutions-RDS3", "CKV_AWS_157"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.rdsInstance), out, db => {
        if (known(`${db.name}.replicateSourceDb`, () => db.props.replicateSourceDb)) {
            return;
        }
        if (known(`${db.name}.multiAz`, () => db.props.multiAz) !== true) {
            out.violation(db, "multiAz is not true", "multiAz: true",
                "set multiAz: true in the stack file's database settings (a standby in another AZ)");
        }
    });
    each(graph.ofType(T.rdsCluster), out, cluster => {
        const members = graph.dependents(cluster, [T.rdsClusterInstance], "clusterIdentifier");
        if (members.length < 2) {
            out.violation(cluster, `the cluster has ${members.length} member${members.length === 1 ? "" : "s"}`,
                "a writer and at least one reader", "set readers: 1 or more in the stack file's database settings");
        }
    });
});
