import Ajv, { ErrorObject } from "ajv";
import { isObject } from "./document";

/**
 * Policy-pack config read and checked the way `pulumi preview --policy-pack-config` does it (the
 * CLI's pkg/resource/analyzer/config.go): each entry is a level or an object with an optional
 * enforcementLevel; levels must be valid; every policy's settings, with the schema's defaults filled
 * in, must validate against the policy's JSON schema. Where the CLI would stop, this refuses too.
 */

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";
export const LEVELS: Level[] = ["advisory", "mandatory", "remediate", "disabled"];

/** What the pack declares about one policy (GetAnalyzerInfo). */
export interface PolicyInfo {
    name: string;
    level: Level;
    schema: { properties: Record<string, any>; required: string[] };
}

/** What the engine sends one policy in Configure. */
export interface PolicyConfig {
    level: Level;
    properties: Record<string, unknown>;
}

/** A config the CLI would refuse, or one that names what the pack does not have. */
export class ConfigError extends Error {}

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * The config the engine would send, for every policy of the pack: the schema's defaults, then the
 * level given to "all", then each policy's own entry. Throws ConfigError listing every problem.
 *
 * Beyond the CLI: a policy name the pack does not have is refused (the CLI ignores it, so a typo
 * would silently leave the intended level unapplied), and so is a setting outside a policy's
 * schema (the pack itself refuses those when the CLI passes them).
 */
export function reconcile(config: unknown, policies: PolicyInfo[]): Map<string, PolicyConfig> {
    if (config === undefined) {
        config = {};
    }
    if (!isObject(config)) {
        throw new ConfigError("must be a JSON object of policy names to a level or to an object of settings");
    }
    const problems: string[] = [];
    const byName = new Map(policies.map(p => [p.name, p]));
    const given = new Map<string, { level?: Level; properties: Record<string, unknown> }>();
    for (const [name, entry] of Object.entries(config)) {
        if (name === "environments") {
            problems.push(`"environments" names Pulumi ESC environments, which only the Pulumi Cloud can resolve; `
                + "keep policy config in the file itself");
            continue;
        }
        if (name !== "all" && !byName.has(name)) {
            problems.push(`"${name}" is not a policy of this pack; it has: ${[...byName.keys()].join(", ")}`);
            continue;
        }
        if (typeof entry === "string") {
            if (!LEVELS.includes(entry as Level)) {
                problems.push(`${name}: enforcement level "${entry}" is not one of ${LEVELS.join(", ")}`);
                continue;
            }
            given.set(name, { level: entry as Level, properties: {} });
        } else if (isObject(entry)) {
            const { enforcementLevel, ...properties } = entry;
            if (enforcementLevel !== undefined && (typeof enforcementLevel !== "string" || !LEVELS.includes(enforcementLevel as Level))) {
                problems.push(`${name}: enforcementLevel ${JSON.stringify(enforcementLevel)} is not one of ${LEVELS.join(", ")}`);
                continue;
            }
            given.set(name, { level: enforcementLevel as Level | undefined, properties });
        } else {
            problems.push(`${name}: ${JSON.stringify(entry)} is neither an enforcement level nor an object of settings`);
        }
    }
    const result = new Map<string, PolicyConfig>();
    for (const policy of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.schema.properties)) {
            if (isObject(schema) && "default" in schema) {
                defaults[key] = schema.default;
            }
        }
        const own = given.get(policy.name);
        const level = own?.level ?? given.get("all")?.level ?? policy.level;
        const properties = { ...defaults, ...(own?.properties ?? {}) };
        for (const key of Object.keys(own?.properties ?? {})) {
            if (!(key in policy.schema.properties)) {
                problems.push(`${policy.name}: has no setting "${key}"; it has: ${Object.keys(policy.schema.properties).join(", ")}`);
            }
        }
        const validate = validator(policy);
        if (!validate(properties)) {
            for (const error of validate.errors ?? []) {
                problems.push(`${policy.name}: ${explain(error, properties)}`);
            }
        }
        result.set(policy.name, { level, properties });
    }
    if (problems.length > 0) {
        throw new ConfigError(problems.sort().map(p => `  - ${p}`).join("\n"));
    }
    return result;
}

const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** The CLI's schema for one policy's settings: an object with the declared properties and required ones. */
function validator(policy: PolicyInfo): ReturnType<typeof ajv.compile> {
    const schema = { type: "object", properties: policy.schema.properties,
        ...(policy.schema.required.length > 0 ? { required: policy.schema.required } : {}) };
    const key = JSON.stringify(schema);
    if (!validators.has(key)) {
        validators.set(key, ajv.compile(schema));
    }
    return validators.get(key)!;
}

/** One schema violation in words: where, what was found, what the schema asks. */
function explain(error: ErrorObject, document: unknown): string {
    const parts = error.instancePath.split("/").slice(1).map(p => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    const where = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "its settings";
    let found: unknown = document;
    for (const p of parts) {
        found = (found as any)?.[p];
    }
    switch (error.keyword) {
        case "additionalProperties":
            return `${where} has "${error.params.additionalProperty}", which its schema does not allow`;
        case "required":
            return `${where} lacks "${error.params.missingProperty}", which its schema requires`;
        default:
            return `${where} is ${JSON.stringify(found)}, which ${error.message}`;
    }
}
