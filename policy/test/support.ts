import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerSession, Diagnostic, PackConfig, PlanDocument, PlanState } from "../src/engine/analyzer";

export const PACK_DIR = path.resolve(__dirname, "..", "..");
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** One resource of a fixture: its type, logical name, inputs, and which resources fed which input. */
export interface Spec {
    type: string;
    name: string;
    inputs?: Record<string, unknown>;
    /** input name to the logical names of the resources its value came from */
    deps?: Record<string, string[]>;
    protect?: boolean;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::apphome::${type}::${name}`;
}

/** A plan document, shaped like `pulumi preview --json`, from resource specs. */
export function planOf(specs: Spec[]): PlanDocument {
    const urns = new Map(specs.map(s => [s.name + "|" + s.type, urnOf(s.type, s.name)]));
    const byName = (name: string): string => {
        const found = specs.filter(s => s.name === name);
        if (found.length !== 1) {
            throw new Error(`fixture names ${found.length} resources ${name}`);
        }
        return urns.get(found[0].name + "|" + found[0].type)!;
    };
    return {
        steps: specs.map(s => {
            const propertyDependencies: Record<string, string[]> = {};
            for (const [prop, names] of Object.entries(s.deps ?? {})) {
                propertyDependencies[prop] = names.map(byName);
            }
            const state: PlanState = {
                urn: urnOf(s.type, s.name),
                type: s.type,
                custom: true,
                parent: "",
                inputs: s.inputs ?? {},
                outputs: { ...(s.inputs ?? {}), id: `${s.name}-id`, arn: `arn:aws:test:::${s.name}` },
                protect: s.protect ?? false,
                dependencies: [...new Set(Object.values(propertyDependencies).flat())],
                propertyDependencies,
            };
            return { op: "create", urn: state.urn, newState: state };
        }),
    };
}

/** One policy's findings among a run's diagnostics, as "level resource: message-without-description". */
export function findingsOf(diagnostics: Diagnostic[], policy: string): string[] {
    return diagnostics.filter(d => d.policy === policy).map(d => `${d.level} ${d.message.split("\n").slice(1).join("\n")}`);
}

/** One pack process per test file, reconfigured for each run, as the CLI would configure it. */
export class Pack {
    private session?: AnalyzerSession;

    async start(): Promise<void> {
        this.session = await AnalyzerSession.start(PACK_DIR);
    }

    stop(): void {
        this.session?.close();
    }

    async run(plan: PlanDocument, config: PackConfig = {}): Promise<Diagnostic[]> {
        await this.session!.configure(config);
        return this.session!.analyze(plan);
    }

    /** The findings of one policy, as "level resource: message-without-description". */
    async findings(plan: PlanDocument, policy: string, config: PackConfig = {}): Promise<string[]> {
        return findingsOf(await this.run(plan, config), policy);
    }

    get analyzer(): AnalyzerSession {
        return this.session!;
    }
}

/** Replaces one resource's inputs (by logical name) in a copy of the specs. */
export function mutate(specs: Spec[], name: string, change: (inputs: Record<string, any>) => void, type?: string): Spec[] {
    let found = 0;
    const copy = specs.map(s => {
        if (s.name !== name || (type && s.type !== type)) {
            return s;
        }
        found++;
        const inputs = JSON.parse(JSON.stringify(s.inputs ?? {}));
        change(inputs);
        return { ...s, inputs };
    });
    if (found !== 1) {
        throw new Error(`mutate found ${found} resources named ${name}`);
    }
    return copy;
}

export function without(specs: Spec[], name: string, type?: string): Spec[] {
    return specs.filter(s => !(s.name === name && (!type || s.type === type)));
}

/** One plan to make: a committed stack's name or a stack file's path, and whether in preview mode. */
export interface Wanted {
    key: string;
    stack: string;
    preview: boolean;
}

/**
 * Plans every wanted stack with bin/plan, as CI does, in one --batch run: one JVM, whose start costs
 * more than a plan. Each document comes back under its key, with the file bin/plan wrote it to.
 */
export function planBatch(wanted: Wanted[]): Promise<Map<string, { file: string; doc: PlanDocument }>> {
    const repo = path.resolve(PACK_DIR, "..");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apphome-plan-"));
    const list = path.join(dir, "plans.tsv");
    const files = new Map(wanted.map(w => [w.key, path.join(dir, `${w.key.replace(/\//g, "-")}.json`)]));
    fs.writeFileSync(list, wanted.map(w =>
        [w.stack, "--json", files.get(w.key)!, "--quiet", ...(w.preview ? ["--preview"] : [])].join("\t")).join("\n") + "\n");
    return new Promise((resolve, reject) => execFile(path.join(repo, "bin", "plan"), ["--batch", list], { cwd: repo },
        (error, _out, err) => {
            if (error) {
                reject(new Error(`bin/plan --batch failed: ${err}`));
                return;
            }
            resolve(new Map(wanted.map(w => [w.key, { file: files.get(w.key)!,
                doc: JSON.parse(fs.readFileSync(files.get(w.key)!, "utf8")) as PlanDocument }])));
        }));
}
