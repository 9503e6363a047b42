/**
 * Reads a `pulumi preview --json` document (the CLI's preview digest, or bin/plan's) into the
 * resources the engine would hand the policy pack, and refuses any document the checker cannot
 * judge whole: a step it cannot read, a resource named twice, or a reference to a resource the
 * document leaves out (a preview without --show-sames), since the engine's stack analysis would see
 * resources this document does not show.
 */

/** A resource's state as a preview step's newState carries it (apitype.ResourceV3). */
export interface PlanState {
    urn: string;
    type: string;
    custom?: boolean;
    id?: string;
    parent?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    protect?: boolean;
    dependencies?: string[];
    provider?: string;
    propertyDependencies?: Record<string, string[]>;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number; read?: number };
    ignoreChanges?: string[];
    [other: string]: unknown;
}

export interface PlanStep {
    op: string;
    urn: string;
    provider?: string;
    newState?: PlanState;
    [other: string]: unknown;
}

export interface PlanDocument {
    config?: Record<string, string>;
    steps: PlanStep[];
    changeSummary?: Record<string, number>;
    [other: string]: unknown;
}

/** A provider as the engine passes it along with a resource: its URN, type, name and inputs. */
export interface ProviderResource {
    urn: string;
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** A resource the engine analyses, with what it needs for each call. */
export interface AnalyzedResource {
    state: PlanState;
    /** whether Analyze runs on it (every registered resource; resources read with get() only reach AnalyzeStack) */
    analyze: boolean;
    provider?: ProviderResource;
    /** the properties AnalyzeStack receives: the outputs, or the inputs where the document has no outputs */
    stackProperties: Record<string, unknown>;
}

export interface Judged {
    stack: string;
    project: string;
    /** the root stack's URN, to which stack-policy findings without a resource of their own belong */
    rootUrn: string;
    config: Record<string, string>;
    resources: AnalyzedResource[];
    /** what the reader should know about how the document was judged */
    notes: string[];
}

/** Input the checker refuses (exit 2); the message says what is wrong and what to do. */
export class InputError extends Error {}

/** The CLI's step operations (deploy.StepOp) that leave a resource in the stack, and those that remove one. */
const KEEPS = ["same", "create", "update", "replace", "create-replacement", "read", "read-replacement", "refresh",
    "import", "import-replacement"];
const REMOVES = ["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"];
/** Steps of one replacement, which --show-replacement-steps lists under the same URN. */
const REPLACEMENT = ["replace", "create-replacement", "import-replacement", "read-replacement"];
const READS = ["read", "read-replacement"];

const SHOW_SAMES = "Run pulumi preview --json --show-sames (or bin/plan --json) and check that document.";

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parts of a URN (urn:pulumi:<stack>::<project>::<type chain>::<name>), or undefined when it is not one. */
export function parseUrn(urn: string): { stack: string; project: string; type: string; name: string } | undefined {
    const match = /^urn:pulumi:([^:]*)::([^:]+)::(.+?)::(.*)$/s.exec(urn);
    if (!match) {
        return undefined;
    }
    const chain = match[3];
    return { stack: match[1], project: match[2], type: chain.substring(chain.lastIndexOf("$") + 1), name: match[4] };
}

function describe(value: unknown): string {
    return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "string" ? `the string "${value}"`
        : `a ${typeof value}`;
}

function stepName(index: number, step: Record<string, unknown>): string {
    const op = typeof step.op === "string" ? ` (${step.op}${typeof step.urn === "string" ? ` ${step.urn}` : ""})` : "";
    return `step ${index}${op}`;
}

/** Reads and checks {@code doc}; {@code file} names it in messages. */
export function judge(doc: unknown, file: string): Judged {
    if (!isObject(doc) || !Array.isArray(doc.steps)) {
        throw new InputError(`${file} has no steps array; expected the output of pulumi preview --json or bin/plan --json`);
    }
    if (doc.steps.length === 0) {
        throw new InputError(`${file} has no steps, so there is nothing to judge; a preview always has at least the root `
            + "stack's step. Give the output of pulumi preview --json --show-sames or bin/plan --json.");
    }
    const problems: string[] = [];
    const states: { index: number; op: string; state: PlanState }[] = [];
    doc.steps.forEach((step: unknown, index: number) => {
        if (!isObject(step)) {
            problems.push(`step ${index} is ${describe(step)}, not a step object`);
            return;
        }
        const where = stepName(index, step);
        if (typeof step.op !== "string" || ![...KEEPS, ...REMOVES].includes(step.op)) {
            problems.push(`${where} has op ${describe(step.op)}, which is not an operation pulumi preview writes `
                + `(${[...KEEPS, ...REMOVES].join(", ")})`);
            return;
        }
        if (REMOVES.includes(step.op)) {
            return; // a resource being removed is not in the stack the engine analyses
        }
        const state = step.newState;
        if (!isObject(state)) {
            problems.push(`${where} has no newState object, so its resource cannot be analysed (only deletions lack one)`);
            return;
        }
        if (typeof state.urn !== "string" || !parseUrn(state.urn)) {
            problems.push(`${where} has a newState whose urn is ${describe(state.urn)}, not a URN urn:pulumi:<stack>::<project>::<type>::<name>`);
            return;
        }
        if (typeof state.type !== "string" || state.type === "") {
            problems.push(`${where} has a newState without a type`);
            return;
        }
        if (parseUrn(state.urn)!.type !== state.type) {
            problems.push(`${where} has a newState of type ${state.type} whose URN names type ${parseUrn(state.urn)!.type}`);
            return;
        }
        if (typeof step.urn === "string" && step.urn !== state.urn) {
            problems.push(`${where} describes ${state.urn} in its newState`);
            return;
        }
        for (const key of ["inputs", "outputs", "propertyDependencies"]) {
            if (state[key] !== undefined && !isObject(state[key])) {
                problems.push(`${where} has newState.${key} that is ${describe(state[key])}, not an object`);
                return;
            }
        }
        for (const key of ["dependencies", "aliases", "ignoreChanges", "additionalSecretOutputs"]) {
            if (state[key] !== undefined && !(Array.isArray(state[key]) && (state[key] as unknown[]).every(u => typeof u === "string"))) {
                problems.push(`${where} has newState.${key} that is ${describe(state[key])}, not a list of strings`);
                return;
            }
        }
        const deps = state.propertyDependencies as Record<string, unknown> | undefined;
        for (const [prop, urns] of Object.entries(deps ?? {})) {
            if (urns !== null && !(Array.isArray(urns) && urns.every(u => typeof u === "string"))) {
                problems.push(`${where} has newState.propertyDependencies.${prop} that is ${describe(urns)}, not a list of URNs`);
                return;
            }
        }
        for (const key of ["parent", "provider", "id"]) {
            if (state[key] !== undefined && typeof state[key] !== "string") {
                problems.push(`${where} has newState.${key} that is ${describe(state[key])}, not a string`);
                return;
            }
        }
        states.push({ index, op: step.op, state: state as PlanState });
    });
    if (problems.length > 0) {
        throw new InputError(refusal(file, problems, "it has steps the checker cannot read",
            "Regenerate it with pulumi preview --json --show-sames or bin/plan --json; a hand-edited document must keep that shape."));
    }

    // One resource, one state; a replacement listed with --show-replacement-steps is one resource.
    const byUrn = new Map<string, { index: number; op: string; state: PlanState }>();
    for (const entry of states) {
        const seen = byUrn.get(entry.state.urn);
        if (!seen) {
            byUrn.set(entry.state.urn, entry);
        } else if (REPLACEMENT.includes(seen.op) && REPLACEMENT.includes(entry.op)) {
            continue;
        } else {
            problems.push(`steps ${seen.index} and ${entry.index} both describe ${entry.state.urn}`);
        }
    }
    if (problems.length > 0) {
        throw new InputError(refusal(file, problems, "a resource appears more than once",
            "A preview lists each resource once: regenerate the document instead of joining two."));
    }

    const config = isObject(doc.config) ? Object.fromEntries(Object.entries(doc.config).map(([k, v]) => [k, String(v)])) : {};
    const root = [...byUrn.values()].find(e => e.state.type === "pulumi:pulumi:Stack" && !e.state.parent);
    const first = parseUrn((root ?? states[0])?.state.urn ?? "urn:pulumi:stack::project::t::n")!;
    const rootUrn = root?.state.urn ?? `urn:pulumi:${first.stack}::${first.project}::pulumi:pulumi:Stack::${first.project}-${first.stack}`;

    // Default providers: the CLI shows no step for them, but the engine analyses them and passes them
    // with every resource they manage. Their inputs are the package's config and version.
    const providers = new Map<string, ProviderResource>();
    const missing = new Map<string, string[]>();
    const reference = (urn: string, how: string) => {
        if (!byUrn.has(urn)) {
            missing.set(urn, [...(missing.get(urn) ?? []), how]);
        }
    };
    for (const { state } of byUrn.values()) {
        const name = parseUrn(state.urn)!.name;
        if (state.parent) {
            reference(state.parent, `parent of ${name}`);
        }
        const viaInputs = new Set<string>();
        for (const [prop, urns] of Object.entries(state.propertyDependencies ?? {})) {
            for (const dep of urns ?? []) {
                reference(dep, `${prop} of ${name}`);
                viaInputs.add(dep);
            }
        }
        for (const dep of state.dependencies ?? []) {
            if (!viaInputs.has(dep)) {
                reference(dep, `dependency of ${name}`);
            }
        }
        if (state.provider) {
            const urn = state.provider.substring(0, state.provider.lastIndexOf("::"));
            const parsed = parseUrn(urn);
            if (!parsed || !parsed.type.startsWith("pulumi:providers:")) {
                problems.push(`${state.urn} has provider "${state.provider}", which is not a provider reference <urn>::<id>`);
            } else if (byUrn.has(urn)) {
                // an explicit provider, analysed with its own step
            } else if (parsed.name === "default" || parsed.name.startsWith("default_")) {
                if (!providers.has(urn)) {
                    providers.set(urn, defaultProvider(urn, config));
                }
            } else {
                reference(urn, `provider of ${name}`);
            }
        }
    }
    if (problems.length > 0) {
        throw new InputError(refusal(file, problems, "it has steps the checker cannot read",
            "Regenerate it with pulumi preview --json --show-sames or bin/plan --json; a hand-edited document must keep that shape."));
    }
    if (missing.size > 0) {
        const lines = [...missing].map(([urn, hows]) => `${urn}, named as ${hows.slice(0, 3).join(", ")}`
            + (hows.length > 3 ? ` and ${hows.length - 3} more` : ""));
        throw new InputError(refusal(file, lines, `it is incomplete: it names ${missing.size} resources it does not contain`,
            "pulumi preview --json leaves out unchanged resources unless --show-sames is given, "
            + "while the engine's stack policies see every resource of the stack. " + SHOW_SAMES));
    }
    const summary = isObject(doc.changeSummary) ? doc.changeSummary : {};
    const listedSames = states.filter(e => e.op === "same").length;
    if (typeof summary.same === "number" && summary.same > listedSames) {
        throw new InputError(`${file} leaves out ${summary.same - listedSames} unchanged resources: its changeSummary counts `
            + `${summary.same} "same" steps and it lists ${listedSames}. The engine's stack policies see every resource of `
            + `the stack, so this document cannot be judged. ${SHOW_SAMES}`);
    }

    const resources: AnalyzedResource[] = [];
    const notes: string[] = [];
    let withoutOutputs = 0;
    for (const provider of providers.values()) {
        const state: PlanState = { urn: provider.urn, type: provider.type, custom: true,
            id: "", inputs: provider.inputs, outputs: provider.inputs };
        resources.push({ state, analyze: true, stackProperties: provider.inputs });
    }
    for (const { op, state } of byUrn.values()) {
        let provider: ProviderResource | undefined;
        if (state.provider) {
            const urn = state.provider.substring(0, state.provider.lastIndexOf("::"));
            const explicit = byUrn.get(urn)?.state;
            provider = explicit ? { urn, type: explicit.type, name: parseUrn(urn)!.name, inputs: explicit.inputs ?? {} }
                : providers.get(urn);
        }
        const custom = state.custom !== false;
        if (custom && state.outputs === undefined) {
            withoutOutputs++;
        }
        resources.push({ state, analyze: !READS.includes(op), provider,
            stackProperties: state.outputs ?? (custom ? state.inputs ?? {} : {}) });
    }
    if (withoutOutputs > 0) {
        notes.push(`${withoutOutputs} of ${resources.length - providers.size} resources have no outputs in this document `
            + "(pulumi preview --json may write a step before the provider answers). Stack policies saw their inputs instead; "
            + "values AWS computes (ids, ARNs, endpoints) are absent here where the engine passes them as unknown, so a stack "
            + "finding that rests on such a value may be a violation here and a deferral in the CLI.");
    }
    return { stack: first.stack, project: first.project, rootUrn, config, resources, notes };
}

/**
 * The engine's default provider for a package: named default_<major>_<minor>_<patch>, its inputs
 * are the package's config keys (without their namespace) and the version.
 */
function defaultProvider(urn: string, config: Record<string, string>): ProviderResource {
    const parsed = parseUrn(urn)!;
    const pkg = parsed.type.substring("pulumi:providers:".length);
    const inputs: Record<string, unknown> = { __internal: {} };
    for (const [key, value] of Object.entries(config)) {
        if (key.startsWith(`${pkg}:`)) {
            inputs[key.substring(pkg.length + 1)] = value;
        }
    }
    const version = /^default_(\d+)_(\d+)_(\d+)((?:_[A-Za-z0-9]+)*)$/.exec(parsed.name);
    if (version) {
        inputs.version = `${version[1]}.${version[2]}.${version[3]}${version[4] ? "-" + version[4].substring(1).replace(/_/g, ".") : ""}`;
    }
    return { urn, type: parsed.type, name: parsed.name, inputs };
}

function refusal(file: string, problems: string[], what: string, fix: string): string {
    const shown = problems.slice(0, 5).map(p => `  - ${p}`);
    if (problems.length > shown.length) {
        shown.push(`  - and ${problems.length - shown.length} more`);
    }
    return `${file} cannot be judged: ${what}:\n${shown.join("\n")}\n${fix}`;
}
