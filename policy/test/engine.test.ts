import { after, before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerSession, struct } from "../src/engine/analyzer";
import { fingerprint } from "../src/engine/freshness";
import { PACK_DIR } from "./support";

/**
 * What the pack receives, observed from inside a pack: a probe pack started the way the CLI starts
 * one reports every Analyze and AnalyzeStack call it gets, so the tests see exactly what the
 * engine's calls would carry.
 */

const UNKNOWN_ID = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A pack directory beside the real one's node_modules, with {@code index} as its entry module. */
function packWith(index: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apphome-probe-"));
    fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "probe", version: "1.0.0", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.js"), index);
    return dir;
}

const PROBE = `
const { PolicyPack } = require("@pulumi/policy");
const options = o => ({ protect: o.protect, ignoreChanges: o.ignoreChanges, aliases: o.aliases,
    additionalSecretOutputs: o.additionalSecretOutputs, customTimeouts: o.customTimeouts,
    deleteBeforeReplace: o.deleteBeforeReplace, parent: o.parent });
new PolicyPack("probe", { enforcementLevel: "advisory", policies: [
    { name: "probe-resource", description: "Analyze", validateResource: (args, report) => report(JSON.stringify({
        urn: args.urn, props: args.props, opts: options(args.opts),
        provider: args.provider ? { urn: args.provider.urn, props: args.provider.props } : null })) },
    { name: "probe-stack", description: "AnalyzeStack", validateStack: (args, report) => report(JSON.stringify({
        env: [process.env.PULUMI_NODEJS_PROJECT, process.env.PULUMI_NODEJS_STACK, process.env.PULUMI_NODEJS_DRY_RUN,
            process.env.PULUMI_CONFIG],
        resources: args.resources.map(r => ({ urn: r.urn, parent: r.parent ? r.parent.urn : null,
            deps: r.dependencies.map(d => d.urn), provider: r.provider ? r.provider.urn : null, props: r.props })) })) },
] });
`;

const STACK = "urn:pulumi:dev::apphome::pulumi:pulumi:Stack::apphome-dev";
const STORE = "urn:pulumi:dev::apphome::pulumi:pulumi:Stack$apphome:storage:PrivateBucket::media";
const BUCKET = "urn:pulumi:dev::apphome::pulumi:pulumi:Stack$apphome:storage:PrivateBucket$aws:s3/bucketV2:BucketV2::media-bucket";
const PROVIDER = "urn:pulumi:dev::apphome::pulumi:providers:aws::default_6_83_0";

const DOCUMENT = {
    config: { "aws:region": "eu-west-1", "aws:secretKey": "[secret]", "apphome:logRetentionDays": "14" },
    steps: [
        { op: "create", urn: STACK, newState: { urn: STACK, custom: false, type: "pulumi:pulumi:Stack" }, detailedDiff: null },
        { op: "create", urn: STORE, newState: { urn: STORE, custom: false, type: "apphome:storage:PrivateBucket", parent: STACK },
            detailedDiff: null },
        { op: "create", urn: BUCKET, provider: `${PROVIDER}::${UNKNOWN_ID}`, detailedDiff: null, newState: {
            urn: BUCKET, custom: true, type: "aws:s3/bucketV2:BucketV2", parent: STORE, protect: true,
            inputs: { bucket: "media", token: "[secret]", __defaults: ["forceDestroy"] },
            dependencies: [STORE], propertyDependencies: { bucket: [], token: [STORE] },
            provider: `${PROVIDER}::${UNKNOWN_ID}`, additionalSecretOutputs: ["token"],
            aliases: ["urn:pulumi:dev::apphome::aws:s3/bucket:Bucket::media-bucket"],
            customTimeouts: { create: 600, delete: 90 }, ignoreChanges: ["tags"] } },
    ],
    changeSummary: { create: 3 },
};

describe("what the pack receives", () => {
    let session: AnalyzerSession;
    let findings: { policy: string; urn: string; seen: any }[];

    before(async () => {
        session = await AnalyzerSession.start(packWith(PROBE),
            { stack: { stack: "dev", project: "apphome", config: DOCUMENT.config } });
        await session.configure({});
        findings = (await session.analyze(DOCUMENT)).map(d => ({ policy: d.policy, urn: d.urn,
            seen: JSON.parse(d.message.split("\n").slice(1).join("\n")) }));
    });
    after(() => session.close());

    it("analyses every registered resource: the stack, components and the default provider too", () => {
        assert.deepEqual(findings.filter(f => f.policy === "probe-resource").map(f => f.urn).sort(),
            [PROVIDER, STACK, STORE, BUCKET].sort());
    });

    it("passes a resource's options and its provider with its inputs, internal keys left out", () => {
        const bucket = findings.find(f => f.policy === "probe-resource" && f.urn === BUCKET)!.seen;

        assert.deepEqual(bucket, {
            urn: BUCKET,
            props: { bucket: "media", token: "[secret]" },
            opts: { protect: true, ignoreChanges: ["tags"], aliases: ["urn:pulumi:dev::apphome::aws:s3/bucket:Bucket::media-bucket"],
                additionalSecretOutputs: ["token"], customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 90 },
                parent: STORE },
            provider: { urn: PROVIDER, props: { region: "eu-west-1", secretKey: "[secret]", version: "6.83.0" } },
        });
    });

    it("gives the default provider the package's config and version as its inputs", () => {
        const provider = findings.find(f => f.policy === "probe-resource" && f.urn === PROVIDER)!.seen;

        assert.deepEqual(provider.props, { region: "eu-west-1", secretKey: "[secret]", version: "6.83.0" });
        assert.equal(provider.provider, null);
    });

    it("hands stack policies the whole stack linked by parents and dependencies, started for the stack", () => {
        const stack = findings.find(f => f.policy === "probe-stack")!;

        assert.equal(stack.urn, STACK, "a stack finding without a resource of its own belongs to the root stack");
        assert.deepEqual(stack.seen.env, ["apphome", "dev", "true", JSON.stringify(DOCUMENT.config)]);
        assert.deepEqual(stack.seen.resources.map((r: any) => [r.urn, r.parent, r.deps, r.provider]), [
            [PROVIDER, null, [], null],
            [STACK, null, [], null],
            [STORE, STACK, [], null],
            [BUCKET, STORE, [STORE], PROVIDER],
        ]);
    });

    it("marshals secrets as the engine does, wrapped with their value", () => {
        assert.deepEqual(struct({ token: "[secret]", nested: { list: ["[secret]", "plain"] }, __defaults: [] }).toJavaScript(), {
            token: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "[secret]" },
            nested: { list: [{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "[secret]" }, "plain"] },
        });
    });
});

describe("starting a pack", () => {
    it("refuses a pack that prints something where its port belongs, as the CLI does", async () => {
        const dir = packWith(`console.log("loading policies");\n${PROBE}`);

        await assert.rejects(AnalyzerSession.start(dir), { message: "the policy pack printed \"loading policies\" where its "
            + "port belongs. The Pulumi CLI reads the first line a pack prints as its port and fails on this pack too: remove "
            + "whatever prints while the pack loads (console.log at the top of a module)" });
    });

    it("gives up on a pack that prints no port in time, saying so", async () => {
        const dir = packWith("setInterval(() => undefined, 1000);\n");

        await assert.rejects(AnalyzerSession.start(dir, { timeoutMs: 1500 }),
            { message: "the policy pack printed no port within 1.5 s of starting" });
    });

    it("refuses a compiled pack older than its sources, on the path the CLI takes", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apphome-stale-"));
        for (const entry of ["package.json", "tsconfig.json", "PulumiPolicy.yaml", "index.ts", "src", "dist"]) {
            fs.cpSync(path.join(PACK_DIR, entry), path.join(dir, entry), { recursive: true });
        }
        fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"));
        const built = fingerprint(dir);
        fs.writeFileSync(path.join(dir, "src", ".policies.ts.swp"), "an editor's swap file is not a source");
        assert.equal(fingerprint(dir), built);
        fs.appendFileSync(path.join(dir, "src", "policies.ts"), "\n// edited after the build\n");

        await assert.rejects(AnalyzerSession.start(dir), { message: "the policy pack exited with code 2 before printing its "
            + `port:\nerror: ${path.join(dir, "dist")} was built from other sources (built ${built.substring(0, 12)}, sources `
            + `now ${fingerprint(dir).substring(0, 12)}), so it is not the pack in ${dir}. Rebuild it before previewing: `
            + "npm run build --prefix ." });
    });
});
