import { PolicyResource } from "@pulumi/policy";
import { Graph } from "../../lib/graph";
import { each, Reporter, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, known } from "../../lib/values";

const TLS_PARAMETERS: Record<string, string[]> = {
    "rds.force_ssl": ["1"],
    "require_secure_transport": ["1", "ON", "on"],
};

function forcesTls(group: PolicyResource): boolean {
    const parameters = known(`${group.name}.parameters`, () => asArray(group.props.parameters)) as any[];
    return parameters.some(p => (TLS_PARAMETERS[String(p.name)] ?? []).includes(String(p.value)));
}

function check(graph: Graph, db: PolicyResource, prop: string, groupType: string, out: Reporter): void {
    const group = graph.deps(db, prop).find(d => d.type === groupType);
    if (!group) {
        out.violation(db, `${prop} does not name a parameter group of this stack`,
            "a parameter group that sets rds.force_ssl=1 (PostgreSQL) or require_secure_transport=ON (MySQL)",
            "use the apphome Database component, which creates one, or create the group in the program");
    } else if (!forcesTls(group)) {
        out.violation(db, `parameter group ${group.name} does not force TLS`,
            "rds.force_ssl=1 (PostgreSQL) or require_secure_transport=ON (MySQL)", `add the parameter to ${group.name}`);
    }
}

export const rdsParameterGroupForcesTls = stackPolicy({
    name: "rds-parameter-group-forces-tls",
    description: "RDS instances and Aurora clusters must use a parameter group of this stack that refuses "
        + "unencrypted connections (controls catalogue R5, C4; checkov CKV2_AWS_69).",
    category: "encryption-in-transit",
    controls: ["R5", "C4", "CKV2_AWS_69"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.rdsInstance), out, db => {
        if (known(`${db.name}.replicateSourceDb`, () => db.props.replicateSourceDb)) {
            return;
        }
        check(graph, db, "parameterGroupName", T.rdsParameterGroup, out);
    });
    each(graph.ofType(T.rdsCluster), out, c => check(graph, c, "dbClusterParameterGroupName", T.rdsClusterParameterGroup, out));
});
