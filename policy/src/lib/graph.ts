import { PolicyResource } from "@pulumi/policy";
import { T } from "./types";
import { asArray, known } from "./values";

/** One ingress permission of a security group, from an inline rule or a rule resource. */
export interface Ingress {
    /** the resource that declares it: the group itself (inline) or the rule resource */
    declaredBy: PolicyResource;
    fromPort: number;
    toPort: number;
    protocol: string;
    cidrs: string[];
    referencedGroups: PolicyResource[];
}

const WORLD = ["0.0.0.0/0", "::/0"];

/**
 * The stack's resources and the facts several policies derive from them. Resources are linked only
 * through the dependencies the engine recorded for each input (never by names or ids), which are
 * known even during preview, when most ids are not.
 */
export class Graph {
    private readonly byType = new Map<string, PolicyResource[]>();

    constructor(readonly resources: PolicyResource[]) {
        for (const r of resources) {
            const list = this.byType.get(r.type) ?? [];
            list.push(r);
            this.byType.set(r.type, list);
        }
    }

    ofType(...types: readonly string[]): PolicyResource[] {
        return types.flatMap(t => this.byType.get(t) ?? []);
    }

    /** The resources whose outputs fed input {@code prop} of {@code r}. */
    deps(r: PolicyResource, prop: string): PolicyResource[] {
        return r.propertyDependencies[prop] ?? [];
    }

    /** The resources of the given types one of whose input {@code prop} came from {@code target}. */
    dependents(target: PolicyResource, types: readonly string[], prop: string): PolicyResource[] {
        return this.ofType(...types).filter(r => this.deps(r, prop).some(d => d.urn === target.urn));
    }

    // ---- subnets --------------------------------------------------------------------------------

    /** The route table that decides where a subnet's traffic goes: its association, else its VPC's main table. */
    routeTableOf(subnet: PolicyResource): PolicyResource | undefined {
        const association = this.dependents(subnet, [T.routeTableAssociation], "subnetId")[0];
        if (association) {
            return this.deps(association, "routeTableId").find(d => d.type === T.routeTable);
        }
        const vpc = this.deps(subnet, "vpcId")[0];
        if (!vpc) {
            return undefined;
        }
        const main = this.dependents(vpc, [T.mainRouteTableAssociation], "vpcId")[0];
        if (main) {
            return this.deps(main, "routeTableId")[0];
        }
        return this.ofType(T.defaultRouteTable).find(t =>
            this.deps(t, "defaultRouteTableId").some(d => d.urn === vpc.urn));
    }

    /**
     * Whether a subnet is public: its route table (or the VPC's main table) has a route whose target
     * is an internet gateway, as a standalone route or an inline one. Decided from the dependency
     * graph alone, so it holds in preview. Any route to an internet gateway counts, whatever its
     * destination: a narrower route still exposes that range.
     */
    subnetIsPublic(subnet: PolicyResource): boolean {
        const table = this.routeTableOf(subnet);
        if (!table) {
            return false; // the VPC's implicit main table has only the local route
        }
        const standalone = this.dependents(table, [T.route], "routeTableId")
            .some(route => this.deps(route, "gatewayId").some(g => g.type === T.internetGateway));
        const inline = this.deps(table, "routes").some(g => g.type === T.internetGateway);
        return standalone || inline;
    }

    /** The in-stack subnets among the sources of input {@code prop}. */
    subnetsIn(r: PolicyResource, prop: string): PolicyResource[] {
        return this.deps(r, prop).filter(d => d.type === T.subnet);
    }

    /** The subnets of the subnet group a resource names in {@code prop} (RDS, ElastiCache). */
    subnetsViaGroup(r: PolicyResource, prop: string, groupType: string): PolicyResource[] | undefined {
        const group = this.deps(r, prop).find(d => d.type === groupType);
        return group ? this.subnetsIn(group, "subnetIds") : undefined;
    }

    // ---- security groups -----------------------------------------------------------------------

    securityGroupsIn(r: PolicyResource, prop: string): PolicyResource[] {
        return this.deps(r, prop).filter(d => d.type === T.securityGroup);
    }

    /** Every ingress permission of a group: inline rules and rule resources that name it. */
    ingressOf(group: PolicyResource): Ingress[] {
        const rules: Ingress[] = [];
        const inline = known(`${group.name}.ingress`, () => asArray(group.props.ingress)) as any[];
        for (const rule of inline) {
            rules.push({
                declaredBy: group,
                fromPort: Number(rule.fromPort),
                toPort: Number(rule.toPort),
                protocol: String(rule.protocol),
                cidrs: [...asArray<string>(rule.cidrBlocks), ...asArray<string>(rule.ipv6CidrBlocks)],
                referencedGroups: this.deps(group, "ingress").filter(d => d.type === T.securityGroup),
            });
        }
        for (const rule of this.dependents(group, [T.ingressRule], "securityGroupId")) {
            const p = rule.props;
            rules.push({
                declaredBy: rule,
                fromPort: Number(known(`${rule.name}.fromPort`, () => p.fromPort ?? -1)),
                toPort: Number(known(`${rule.name}.toPort`, () => p.toPort ?? -1)),
                protocol: String(known(`${rule.name}.ipProtocol`, () => p.ipProtocol)),
                cidrs: [known(`${rule.name}.cidrIpv4`, () => p.cidrIpv4), known(`${rule.name}.cidrIpv6`, () => p.cidrIpv6)]
                    .filter((c): c is string => typeof c === "string"),
                referencedGroups: this.deps(rule, "referencedSecurityGroupId"),
            });
        }
        for (const rule of this.dependents(group, [T.securityGroupRule], "securityGroupId")) {
            const p = rule.props;
            if (known(`${rule.name}.type`, () => p.type) !== "ingress") {
                continue;
            }
            rules.push({
                declaredBy: rule,
                fromPort: Number(known(`${rule.name}.fromPort`, () => p.fromPort)),
                toPort: Number(known(`${rule.name}.toPort`, () => p.toPort)),
                protocol: String(known(`${rule.name}.protocol`, () => p.protocol)),
                cidrs: [...known(`${rule.name}.cidrBlocks`, () => asArray<string>(p.cidrBlocks)),
                    ...known(`${rule.name}.ipv6CidrBlocks`, () => asArray<string>(p.ipv6CidrBlocks))],
                referencedGroups: this.deps(rule, "sourceSecurityGroupId"),
            });
        }
        return rules;
    }

    /** Ingress rules of a group that admit address ranges instead of other groups. */
    rangeIngressOf(group: PolicyResource): Ingress[] {
        return this.ingressOf(group).filter(rule => rule.cidrs.length > 0);
    }

    // ---- companions ------------------------------------------------------------------------------

    /** Resources of {@code type} whose {@code bucket} input came from this bucket. */
    bucketCompanions(bucket: PolicyResource, type: string): PolicyResource[] {
        return this.dependents(bucket, [type], "bucket");
    }
}

export function isWorld(cidr: string): boolean {
    return WORLD.includes(cidr);
}

/** Whether a rule's port range includes {@code port} (protocol -1 means every port). */
export function coversPort(rule: Ingress, port: number): boolean {
    if (rule.protocol === "-1" || rule.protocol === "all") {
        return true;
    }
    return rule.fromPort <= port && port <= rule.toPort;
}

export function portsOf(rule: Ingress): string {
    if (rule.protocol === "-1" || rule.protocol === "all") {
        return "all ports";
    }
    return rule.fromPort === rule.toPort ? `port ${rule.fromPort}` : `ports ${rule.fromPort}-${rule.toPort}`;
}
