import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import * as rpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";

/** A resource as a `pulumi preview --json` step's newState describes it. */
export interface PlanState {
    urn: string;
    type: string;
    custom?: boolean;
    parent?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    protect?: boolean;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface PlanDocument {
    steps: { op: string; urn: string; newState?: PlanState }[];
}

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";

/** One finding, as the CLI reports it. */
export interface Diagnostic {
    policy: string;
    level: "advisory" | "mandatory";
    urn: string;
    message: string;
    description: string;
}

/** A policy pack config file: policy name (or "all") to a level or {enforcementLevel?, ...settings}. */
export type PackConfig = Record<string, Level | ({ enforcementLevel?: Level } & Record<string, unknown>)>;

const LEVELS: Record<number, Diagnostic["level"]> = {
    [analyzer.EnforcementLevel.ADVISORY]: "advisory",
    [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzer.EnforcementLevel.REMEDIATE]: "mandatory",
};

const TO_PROTO: Record<Level, analyzer.EnforcementLevel> = {
    advisory: analyzer.EnforcementLevel.ADVISORY,
    mandatory: analyzer.EnforcementLevel.MANDATORY,
    remediate: analyzer.EnforcementLevel.REMEDIATE,
    disabled: analyzer.EnforcementLevel.DISABLED,
};

/** Thrown when a pack config names a policy or setting the pack does not have. */
export class ConfigError extends Error {}

/**
 * The policy pack running as its own process, exactly as `pulumi preview --policy-pack` starts it,
 * and driven through the analyzer's gRPC interface the engine uses: GetAnalyzerInfo, Configure,
 * Analyze for each resource, AnalyzeStack for the whole stack.
 */
export class AnalyzerSession {
    private constructor(private readonly child: ChildProcess, private readonly client: rpc.AnalyzerClient) {}

    /** Starts the pack in {@code packDir} (its compiled entry module) and connects to it. */
    static async start(packDir: string): Promise<AnalyzerSession> {
        const main = path.join(packDir, "dist", "index.js");
        const child = spawn(process.execPath, [main], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            let err = "";
            child.stdout!.on("data", chunk => {
                out += chunk;
                const line = out.split("\n")[0].trim();
                if (out.includes("\n") && /^\d+$/.test(line)) {
                    resolve(line);
                }
            });
            child.stderr!.on("data", chunk => { err += chunk; });
            child.on("exit", code => reject(new Error(`the policy pack exited with ${code}: ${err}`)));
        });
        const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(),
            { "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_send_message_length": 400 * 1024 * 1024 });
        return new AnalyzerSession(child, client);
    }

    close(): void {
        this.client.close();
        this.child.kill();
    }

    /** The pack's policies: name to their own enforcement level and config defaults. */
    async policies(): Promise<Map<string, { level: Level; defaults: Record<string, unknown>; settings: string[] }>> {
        const info = await call<analyzer.AnalyzerInfo>(cb => this.client.getAnalyzerInfo(new Empty(), cb));
        const result = new Map<string, { level: Level; defaults: Record<string, unknown>; settings: string[] }>();
        for (const p of info.getPoliciesList()) {
            const properties = (p.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<string, any>;
            const defaults: Record<string, unknown> = {};
            for (const [key, schema] of Object.entries(properties)) {
                if (schema && "default" in schema) {
                    defaults[key] = schema.default;
                }
            }
            const level = (Object.entries(TO_PROTO).find(([, v]) => v === p.getEnforcementlevel())?.[0] ?? "advisory") as Level;
            result.set(p.getName(), { level, defaults, settings: Object.keys(properties) });
        }
        return result;
    }

    /**
     * Sends the pack its config the way the engine does: for every policy, the level the config
     * gives it (its own entry, else "all", else the policy's own) and its settings over the defaults.
     * Unknown policy names and settings are refused, so a typo cannot switch a policy off silently.
     */
    async configure(config: PackConfig): Promise<Map<string, Level>> {
        const policies = await this.policies();
        const problems: string[] = [];
        for (const [name, entry] of Object.entries(config)) {
            if (name !== "all" && !policies.has(name)) {
                problems.push(`unknown policy "${name}"; the pack has: ${[...policies.keys()].join(", ")}`);
                continue;
            }
            if (typeof entry === "object" && name !== "all") {
                for (const key of Object.keys(entry)) {
                    if (key !== "enforcementLevel" && !policies.get(name)!.settings.includes(key)) {
                        problems.push(`policy "${name}" has no setting "${key}"; it has: ${policies.get(name)!.settings.join(", ")}`);
                    }
                }
            }
        }
        if (problems.length > 0) {
            throw new ConfigError(problems.join("\n"));
        }
        const levelOf = (entry: PackConfig[string] | undefined) =>
            typeof entry === "string" ? entry : entry?.enforcementLevel;
        const request = new analyzer.ConfigureAnalyzerRequest();
        const levels = new Map<string, Level>();
        for (const [name, policy] of policies) {
            const entry = config[name];
            const level = levelOf(entry) ?? levelOf(config.all) ?? policy.level;
            const settings = typeof entry === "object" ? { ...entry } : {};
            delete settings.enforcementLevel;
            const pc = new analyzer.PolicyConfig();
            pc.setEnforcementlevel(TO_PROTO[level]);
            pc.setProperties(Struct.fromJavaScript({ ...policy.defaults, ...settings } as any));
            request.getPolicyconfigMap().set(name, pc);
            levels.set(name, level);
        }
        await call(cb => this.client.configure(request, cb));
        return levels;
    }

    /** Every resource through Analyze (its inputs), then the stack through AnalyzeStack (its outputs). */
    async analyze(plan: PlanDocument): Promise<Diagnostic[]> {
        const states = plan.steps.filter(s => s.op !== "delete" && s.newState).map(s => s.newState!);
        const diagnostics: Diagnostic[] = [];
        for (const state of states.filter(s => s.custom !== false)) {
            const request = new analyzer.AnalyzeRequest();
            request.setType(state.type);
            request.setUrn(state.urn);
            request.setName(nameOf(state.urn));
            request.setProperties(struct(state.inputs));
            request.setOptions(options(state));
            const response = await call<analyzer.AnalyzeResponse>(cb => this.client.analyze(request, cb));
            diagnostics.push(...toDiagnostics(response, state.urn));
        }
        const stack = new analyzer.AnalyzeStackRequest();
        for (const state of states) {
            const resource = new analyzer.AnalyzerResource();
            resource.setType(state.type);
            resource.setUrn(state.urn);
            resource.setName(nameOf(state.urn));
            resource.setProperties(struct(state.outputs ?? state.inputs));
            resource.setOptions(options(state));
            resource.setParent(state.parent ?? "");
            resource.setDependenciesList(state.dependencies ?? []);
            for (const [prop, urns] of Object.entries(state.propertyDependencies ?? {})) {
                const deps = new analyzer.AnalyzerPropertyDependencies();
                deps.setUrnsList(urns);
                resource.getPropertydependenciesMap().set(prop, deps);
            }
            stack.addResources(resource);
        }
        const response = await call<analyzer.AnalyzeResponse>(cb => this.client.analyzeStack(stack, cb));
        diagnostics.push(...toDiagnostics(response, ""));
        return diagnostics;
    }
}

function call<R>(invoke: (cb: (err: grpc.ServiceError | null, response: R) => void) => unknown): Promise<R> {
    return new Promise((resolve, reject) => {
        invoke((err, response) => (err ? reject(err) : resolve(response)));
    });
}

function struct(values: Record<string, unknown> | undefined): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(values ?? {})));
}

function options(state: PlanState): analyzer.AnalyzerResourceOptions {
    const opts = new analyzer.AnalyzerResourceOptions();
    opts.setProtect(state.protect === true);
    opts.setParent(state.parent ?? "");
    return opts;
}

/** The logical name, the last part of a URN. */
export function nameOf(urn: string): string {
    return urn.substring(urn.lastIndexOf("::") + 2);
}

/** The type token, the part of a URN before the name after the last $ of the type chain. */
export function typeOf(urn: string): string {
    const withoutName = urn.substring(0, urn.lastIndexOf("::"));
    const chain = withoutName.substring(withoutName.lastIndexOf("::") + 2);
    return chain.substring(chain.lastIndexOf("$") + 1);
}

function toDiagnostics(response: analyzer.AnalyzeResponse, fallbackUrn: string): Diagnostic[] {
    return response.getDiagnosticsList().map(d => ({
        policy: d.getPolicyname(),
        level: LEVELS[d.getEnforcementlevel()] ?? "advisory",
        urn: d.getUrn() || fallbackUrn,
        message: d.getMessage(),
        description: d.getDescription(),
    }));
}
