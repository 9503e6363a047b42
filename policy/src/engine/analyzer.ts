import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import * as rpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Level, PolicyConfig, PolicyInfo, reconcile } from "./config";
import { AnalyzedResource, judge, Judged, parseUrn, PlanDocument, PlanState, ProviderResource } from "./document";

export { ConfigError, Level } from "./config";
export { InputError, PlanDocument, PlanState } from "./document";

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

/** The pack could not be started or answered with an error. */
export class PackError extends Error {}

const TO_PROTO: Record<Level, analyzer.EnforcementLevel> = {
    advisory: analyzer.EnforcementLevel.ADVISORY,
    mandatory: analyzer.EnforcementLevel.MANDATORY,
    remediate: analyzer.EnforcementLevel.REMEDIATE,
    disabled: analyzer.EnforcementLevel.DISABLED,
};

/** The engine's wire encoding (plugin.MarshalProperties with KeepSecrets, KeepUnknowns). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SECRET = "[secret]";

/** Where the CLI's Node.js policy host starts a pack: @pulumi/pulumi's run-policy-pack, from the pack's node_modules. */
const POLICY_HOST = path.join("node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");

export interface StartOptions {
    /** how long to wait for the pack to print its port */
    timeoutMs?: number;
    /** the stack the pack is started for, as the language host passes it (PULUMI_NODEJS_*, PULUMI_CONFIG) */
    stack?: { stack: string; project: string; config: Record<string, string> };
}

/**
 * The policy pack running as its own process, started the way `pulumi preview --policy-pack` starts
 * a Node.js pack (run-policy-pack with the engine's address and the pack directory, in the pack
 * directory, so package.json "main" decides what runs), and driven through the analyzer's gRPC
 * interface in the engine's order: ConfigureStack, GetAnalyzerInfo, Configure, then Remediate and
 * Analyze for each resource, then AnalyzeStack for the whole stack.
 */
export class AnalyzerSession {
    private policyInfo?: PolicyInfo[];
    /** whether the last Configure set any policy to remediate, the only level at which Remediate does anything */
    private remediates = true;

    private constructor(private readonly child: ChildProcess, private readonly client: rpc.AnalyzerClient) {}

    static async start(packDir: string, options: StartOptions = {}): Promise<AnalyzerSession> {
        const timeoutMs = options.timeoutMs ?? 60_000;
        const env: NodeJS.ProcessEnv = { ...process.env };
        if (options.stack) {
            env.PULUMI_NODEJS_PROJECT = options.stack.project;
            env.PULUMI_NODEJS_STACK = options.stack.stack;
            env.PULUMI_NODEJS_DRY_RUN = "true";
            env.PULUMI_CONFIG = JSON.stringify(options.stack.config);
        }
        // The engine address is the CLI's own server, which this process does not run; the policy
        // host drops the argument before it loads the pack.
        const child = spawn(process.execPath, [path.join(packDir, POLICY_HOST), "127.0.0.1:0", packDir],
            { cwd: packDir, env, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            let err = "";
            let settled = false;
            const fail = (message: string) => {
                if (!settled) {
                    settled = true;
                    clearTimeout(timer);
                    child.kill();
                    reject(new PackError(message));
                }
            };
            const timer = setTimeout(() => fail(`the policy pack printed no port within ${timeoutMs / 1000} s of starting`
                + `${err ? `; it wrote:\n${err.trim()}` : ""}`), timeoutMs);
            child.stdout!.on("data", chunk => {
                out += chunk;
                const newline = out.indexOf("\n");
                if (newline < 0 || settled) {
                    return;
                }
                const line = out.substring(0, newline).trim();
                const number = /^\d+$/.test(line) ? Number(line) : NaN;
                if (number > 0 && number <= 65535) {
                    settled = true;
                    clearTimeout(timer);
                    resolve(line);
                } else {
                    fail(`the policy pack printed "${line.substring(0, 200)}" where its port belongs. The Pulumi CLI reads `
                        + "the first line a pack prints as its port and fails on this pack too: remove whatever prints "
                        + "while the pack loads (console.log at the top of a module)");
                }
            });
            child.stderr!.on("data", chunk => { err += chunk; });
            child.on("error", e => fail(`the policy pack could not be started: ${e.message}`));
            child.on("exit", code => fail(`the policy pack exited with code ${code} before printing its port`
                + `${err ? `:\n${err.trim()}` : ""}`));
        });
        // Later output is the pack's log, as the CLI shows it.
        child.stdout!.on("data", () => undefined);
        const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(),
            { "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_send_message_length": 400 * 1024 * 1024 });
        return new AnalyzerSession(child, client);
    }

    close(): void {
        this.client.close();
        this.child.kill();
    }

    /** ConfigureStack: the stack's identity and config, which the engine sends first. */
    async configureStack(judged: Judged): Promise<void> {
        const request = new analyzer.AnalyzerStackConfigureRequest();
        request.setStack(judged.stack);
        request.setProject(judged.project);
        request.setDryRun(true);
        const secretKeys: string[] = [];
        for (const [key, value] of Object.entries(judged.config)) {
            request.getConfigMap().set(key, value);
            if (value === SECRET) {
                secretKeys.push(key);
            }
        }
        request.setConfigSecretKeysList(secretKeys);
        await call(cb => this.client.configureStack(request, cb));
    }

    /** The pack's policies: name, own level and config schema. */
    async policies(): Promise<PolicyInfo[]> {
        if (!this.policyInfo) {
            const info = await call<analyzer.AnalyzerInfo>(cb => this.client.getAnalyzerInfo(new Empty(), cb));
            this.policyInfo = info.getPoliciesList().map(p => ({
                name: p.getName(),
                level: (Object.entries(TO_PROTO).find(([, v]) => v === p.getEnforcementlevel())?.[0] ?? "advisory") as Level,
                schema: {
                    properties: (p.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<string, any>,
                    required: p.getConfigschema()?.getRequiredList() ?? [],
                },
            }));
        }
        return this.policyInfo;
    }

    /**
     * Checks {@code config} as the CLI does (see config.ts) and sends the pack the reconciled config,
     * as the engine's Configure does. Throws ConfigError listing every problem.
     */
    async configure(config: unknown): Promise<Map<string, PolicyConfig>> {
        const reconciled = reconcile(config, await this.policies());
        const request = new analyzer.ConfigureAnalyzerRequest();
        for (const [name, policy] of reconciled) {
            const pc = new analyzer.PolicyConfig();
            pc.setEnforcementlevel(TO_PROTO[policy.level]);
            pc.setProperties(Struct.fromJavaScript(policy.properties as any));
            request.getPolicyconfigMap().set(name, pc);
        }
        await call(cb => this.client.configure(request, cb));
        this.remediates = [...reconciled.values()].some(p => p.level === "remediate");
        return reconciled;
    }

    /** Every resource through Remediate and Analyze (its inputs), then the stack through AnalyzeStack. */
    async analyze(plan: PlanDocument | Judged): Promise<Diagnostic[]> {
        const judged: Judged = Array.isArray((plan as Judged).resources) ? plan as Judged : judge(plan, "the document");
        // The engine analyses resources as they register, many at once; the findings do not depend on the order.
        const perResource = await Promise.all(judged.resources.filter(r => r.analyze).map(async resource => {
            const found: Diagnostic[] = [];
            let request = analyzeRequest(resource, resource.state.inputs ?? {});
            // The engine calls Remediate before Analyze. The SDK runs only policies configured as
            // remediate there, so without any the call would answer nothing and is left out.
            const remediation = this.remediates
                ? await call<analyzer.RemediateResponse>(cb => this.client.remediate(request, cb)) : undefined;
            for (const r of remediation?.getRemediationsList() ?? []) {
                if (r.getDiagnostic()) {
                    found.push({ policy: r.getPolicyname(), level: "advisory", urn: resource.state.urn,
                        message: r.getDiagnostic(), description: r.getDescription() });
                } else if (r.getProperties()) {
                    // Later analysis sees the remediated inputs, as in the engine.
                    request = analyzeRequest(resource, r.getProperties()!.toJavaScript() as Record<string, unknown>);
                }
            }
            const analyzed = request;
            const response = await call<analyzer.AnalyzeResponse>(cb => this.client.analyze(analyzed, cb));
            return [...found, ...toDiagnostics(response, () => resource.state.urn)];
        }));
        const diagnostics: Diagnostic[] = perResource.flat();
        const stack = new analyzer.AnalyzeStackRequest();
        const inStack = new Set(judged.resources.map(r => r.state.urn));
        for (const r of judged.resources) {
            const resource = new analyzer.AnalyzerResource();
            resource.setType(r.state.type);
            resource.setUrn(r.state.urn);
            resource.setName(nameOf(r.state.urn));
            resource.setProperties(struct(r.stackProperties));
            resource.setOptions(options(r.state));
            resource.setParent(r.state.parent ?? "");
            resource.setDependenciesList(r.state.dependencies ?? []);
            for (const [prop, urns] of Object.entries(r.state.propertyDependencies ?? {})) {
                if (urns && urns.length > 0) {
                    const deps = new analyzer.AnalyzerPropertyDependencies();
                    deps.setUrnsList(urns);
                    resource.getPropertydependenciesMap().set(prop, deps);
                }
            }
            if (r.provider) {
                resource.setProvider(providerOf(r.provider));
            }
            stack.addResources(resource);
        }
        const response = await call<analyzer.AnalyzeResponse>(cb => this.client.analyzeStack(stack, cb));
        // Like the engine: a stack finding belongs to the resource it names, else to the root stack.
        diagnostics.push(...toDiagnostics(response, urn => (inStack.has(urn) ? urn : judged.rootUrn)));
        return diagnostics;
    }
}

function analyzeRequest(resource: AnalyzedResource, inputs: Record<string, unknown>): analyzer.AnalyzeRequest {
    const request = new analyzer.AnalyzeRequest();
    request.setType(resource.state.type);
    request.setUrn(resource.state.urn);
    request.setName(nameOf(resource.state.urn));
    request.setProperties(struct(inputs));
    request.setOptions(options(resource.state));
    if (resource.provider) {
        request.setProvider(providerOf(resource.provider));
    }
    return request;
}

function call<R>(invoke: (cb: (err: grpc.ServiceError | null, response: R) => void) => unknown): Promise<R> {
    return new Promise((resolve, reject) => {
        invoke((err, response) => (err ? reject(new PackError(`the policy pack failed: ${err.details || err.message}`))
            : resolve(response)));
    });
}

/**
 * Properties as the engine marshals them for the pack: top-level internal keys (__defaults, ...)
 * left out, secrets wrapped as secrets (a preview document holds "[secret]" where the engine would
 * pass the value), unknowns as the engine's unknown marker, which the document already holds.
 */
export function struct(values: Record<string, unknown> | undefined): Struct {
    const wrap = (value: unknown): unknown => {
        if (value === SECRET) {
            return { [SIG_KEY]: SECRET_SIG, value };
        }
        if (Array.isArray(value)) {
            return value.map(wrap);
        }
        if (typeof value === "object" && value !== null) {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v)]));
        }
        return value;
    };
    const top = Object.entries(values ?? {}).filter(([k, v]) => !k.startsWith("__") && v !== undefined);
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(Object.fromEntries(top.map(([k, v]) => [k, wrap(v)])))));
}

function options(state: PlanState): analyzer.AnalyzerResourceOptions {
    const opts = new analyzer.AnalyzerResourceOptions();
    opts.setProtect(state.protect === true);
    opts.setIgnorechangesList(state.ignoreChanges ?? []);
    // deleteBeforeReplace is an option of the program's goal, which a preview document does not hold.
    opts.setDeletebeforereplacedefined(false);
    opts.setAdditionalsecretoutputsList(state.additionalSecretOutputs ?? []);
    opts.setAliasesList(state.aliases ?? []);
    const timeouts = new analyzer.AnalyzerResourceOptions.CustomTimeouts();
    timeouts.setCreate(Number(state.customTimeouts?.create ?? 0));
    timeouts.setUpdate(Number(state.customTimeouts?.update ?? 0));
    timeouts.setDelete(Number(state.customTimeouts?.delete ?? 0));
    timeouts.setRead(Number(state.customTimeouts?.read ?? 0));
    opts.setCustomtimeouts(timeouts);
    opts.setParent(state.parent ?? "");
    return opts;
}

function providerOf(provider: ProviderResource): analyzer.AnalyzerProviderResource {
    const result = new analyzer.AnalyzerProviderResource();
    result.setUrn(provider.urn);
    result.setType(provider.type);
    result.setName(provider.name);
    result.setProperties(struct(provider.inputs));
    return result;
}

/** The logical name, the last part of a URN. */
export function nameOf(urn: string): string {
    return parseUrn(urn)?.name ?? urn.substring(urn.lastIndexOf("::") + 2);
}

/** The type token, the part of a URN before the name after the last $ of the type chain. */
export function typeOf(urn: string): string {
    return parseUrn(urn)?.type ?? "";
}

function toDiagnostics(response: analyzer.AnalyzeResponse, urnOf: (reported: string) => string): Diagnostic[] {
    return response.getDiagnosticsList().map(d => ({
        policy: d.getPolicyname(),
        // The engine reports what remains of a remediation as mandatory; disabled policies do not run.
        level: d.getEnforcementlevel() === analyzer.EnforcementLevel.ADVISORY ? "advisory" : "mandatory",
        urn: urnOf(d.getUrn()),
        message: d.getMessage(),
        description: d.getDescription(),
    }));
}

