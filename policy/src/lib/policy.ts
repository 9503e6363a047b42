import {
    EnforcementLevel,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { Graph } from "./graph";
import { Deferred } from "./values";

/** What a policy protects against; the README's policy table is grouped by it. */
export type Category = "encryption-at-rest" | "encryption-in-transit" | "exposure" | "data-protection";

/** Everything a policy declares about itself besides its check. */
export interface PolicyMeta {
    /** kebab-case, says what it requires */
    name: string;
    /** a full sentence; names the controls it implements */
    description: string;
    category: Category;
    /** control ids from Security Hub FSBP, cdk-nag and checkov */
    controls: string[];
    enforcementLevel: EnforcementLevel;
    /** further config properties with their defaults (exemptions are added to every policy) */
    config?: Record<string, PolicyConfigJSONSchema>;
}

/**
 * One exemption: a resource the policy does not block, and why. The resource is named as within
 * its stack — its logical name without the "<project>-<stack>-" prefix, so that one config serves
 * every stack of a kind (dev, staging, qa) — or by its full logical name; either may use the
 * wildcards * and ?.
 */
export interface Exemption {
    resource: string;
    reason: string;
}

/** The logical name without the project-and-stack prefix the program gives every name, read from the URN. */
export function nameInStack(resource: { name: string; urn: string }): string {
    const parts = resource.urn.split("::");
    const stack = parts[0].slice(parts[0].lastIndexOf(":") + 1);
    const prefix = `${parts[1]}-${stack}-`;
    return resource.name.startsWith(prefix) ? resource.name.slice(prefix.length) : resource.name;
}

function globMatches(pattern: string, name: string): boolean {
    const regex = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${regex}$`).test(name);
}

/** Whether {@code exemption} names {@code resource}, by its name in the stack or its full logical name. */
export function exempts(exemption: Exemption, resource: { name: string; urn: string }): boolean {
    return [nameInStack(resource), resource.name].some(n => globMatches(exemption.resource, n));
}

const EXEMPTIONS_SCHEMA: PolicyConfigJSONSchema = {
    type: "array",
    description: "Resources this policy reports as exempted instead of as violations, each with a reason: named as "
        + "within the stack (the logical name without \"<project>-<stack>-\") or in full, * and ? allowed.",
    items: {
        type: "object",
        properties: { resource: { type: "string", minLength: 1 }, reason: { type: "string", minLength: 10 } },
        required: ["resource", "reason"],
        additionalProperties: false,
    },
    default: [],
};

/**
 * The policy's config with every default filled in; the engine does this too, unit tests do not. A
 * setting the policy does not declare is refused: the CLI validates config only against each
 * declared property, so without this a misspelled setting would be ignored and its default used.
 */
export function configOf<C>(meta: PolicyMeta, raw: object): C & { exemptions: Exemption[] } {
    const declared = ["exemptions", ...Object.keys(meta.config ?? {})];
    for (const key of Object.keys(raw)) {
        if (!declared.includes(key)) {
            throw new Error(`policy config of "${meta.name}" has the setting "${key}", which it does not have; `
                + `it has: ${declared.sort().join(", ")}`);
        }
    }
    const merged: Record<string, unknown> = { exemptions: [] };
    for (const [key, schema] of Object.entries(meta.config ?? {})) {
        merged[key] = schema.default;
    }
    return Object.assign(merged, raw) as C & { exemptions: Exemption[] };
}

/** Reports findings of one policy run, applying exemptions and making deferred checks visible. */
export class Reporter {
    constructor(
        private readonly meta: PolicyMeta,
        private readonly exemptions: Exemption[],
        private readonly report: ReportViolation,
    ) {}

    /** A violation of {@code resource}: what was found, what is required, how to fix it. */
    violation(resource: { name: string; urn: string }, found: string, required: string, fix: string): void {
        const message = `${resource.name}: ${found}; required: ${required}. Fix: ${fix}`;
        const exemption = this.exemptions.find(e => exempts(e, resource));
        if (exemption) {
            this.advisory(resource.urn, `exempted (${exemption.reason}): ${message}`);
            return;
        }
        this.report(message, resource.urn);
    }

    /**
     * A check that could not be decided because a value is unknown until the resource exists. It is
     * reported as an advisory naming the value, never skipped silently; {@code pulumi up} decides it.
     */
    deferred(resource: { name: string; urn: string }, what: string): void {
        this.advisory(resource.urn, `deferred to pulumi up: ${resource.name}: ${what} is not known during preview, `
            + "so this check runs again when the resource is created");
    }

    /** Runs one independent check of a resource: a value unknown in preview defers this check only. */
    part(resource: { name: string; urn: string }, check: () => void): void {
        try {
            check();
        } catch (e) {
            if (e instanceof Deferred) {
                this.deferred(resource, e.what);
            } else {
                throw e;
            }
        }
    }

    private advisory(urn: string, message: string): void {
        // The SDK (1.21) accepts a diagnostic object and keeps its enforcement level; the typed
        // signature only admits a string.
        const diagnostic = { message: `${this.meta.description}\n${message}`, urn, enforcementLevel: "advisory" };
        (this.report as unknown as (d: object) => void)(diagnostic);
    }
}

/** The view a resource check gets of one resource (its inputs). */
export interface ResourceView {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
    protect: boolean;
}

type ResourceCheck<C> = (r: ResourceView, out: Reporter, config: C & { exemptions: Exemption[] }) => void;
type StackCheck<C> = (graph: Graph, out: Reporter, config: C & { exemptions: Exemption[] }) => void;

/** What the SDK and the engine read of every policy, from its meta; exemptions join every schema. */
function fields(meta: PolicyMeta) {
    return {
        name: meta.name,
        description: meta.description,
        enforcementLevel: meta.enforcementLevel,
        configSchema: { properties: { ...(meta.config ?? {}), exemptions: EXEMPTIONS_SCHEMA } },
        tags: [meta.category, ...meta.controls],
        meta,
    };
}

/** A policy over single resources of the given types, run on each resource's inputs. */
export function resourcePolicy<C = {}>(meta: PolicyMeta, types: readonly string[], check: ResourceCheck<C>):
    ResourceValidationPolicy & { meta: PolicyMeta } {
    return {
        ...fields(meta),
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            if (!types.includes(args.type)) {
                return;
            }
            const config = configOf<C>(meta, args.getConfig());
            const out = new Reporter(meta, config.exemptions, report);
            const view = { type: args.type, name: args.name, urn: args.urn, props: args.props, protect: args.opts.protect };
            out.part(view, () => check(view, out, config));
        },
    };
}

/** A policy over the whole stack, linking resources through their recorded dependencies. */
export function stackPolicy<C = {}>(meta: PolicyMeta, check: StackCheck<C>): StackValidationPolicy & { meta: PolicyMeta } {
    return {
        ...fields(meta),
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const config = configOf<C>(meta, args.getConfig());
            check(new Graph(args.resources), new Reporter(meta, config.exemptions, report), config);
        },
    };
}

/**
 * Runs a per-resource part of a stack check, so that one unknown value defers only the check of
 * that resource and every other resource is still decided.
 */
export function each(resources: PolicyResource[], out: Reporter, check: (r: PolicyResource) => void): void {
    for (const r of resources) {
        out.part(r, () => check(r));
    }
}
