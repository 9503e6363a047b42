import * as fs from "fs";
import * as path from "path";
import { AnalyzerSession, ConfigError, Diagnostic, InputError, nameOf, PackError, typeOf } from "./engine/analyzer";
import { judge, Judged } from "./engine/document";

/**
 * bin/policy-check: runs the pack over a `pulumi preview --json` document (bin/plan's, or a real
 * preview's, made with --show-sames) the way the CLI would, with no cloud credentials. Exit 0
 * without mandatory violations, 1 with, 2 when the document, the config or the pack cannot be
 * judged; every refusal says why and what to do.
 */

const PACK_DIR = path.resolve(__dirname, "..", "..");
const USAGE = "usage: bin/policy-check <preview.json> [--stack NAME | --config FILE]";

export interface CheckResult {
    diagnostics: Diagnostic[];
    mandatory: number;
    advisory: number;
    deferred: number;
    exempted: number;
    /** resources the engine would analyse: the document's, plus the default providers it implies */
    resources: number;
    notes: string[];
}

export function summarize(diagnostics: Diagnostic[], judged: Judged): CheckResult {
    const advisories = diagnostics.filter(d => d.level === "advisory");
    return {
        diagnostics,
        mandatory: diagnostics.filter(d => d.level === "mandatory").length,
        advisory: advisories.length,
        deferred: advisories.filter(d => d.message.includes("\ndeferred to pulumi up: ")
            || d.message.startsWith("can't run policy")).length,
        exempted: advisories.filter(d => d.message.includes("\nexempted (")).length,
        resources: judged.resources.length,
        notes: judged.notes,
    };
}

/** The report, shaped like the CLI's "Policy Violations" section. */
export function format(result: CheckResult): string {
    const lines: string[] = [];
    const sorted = [...result.diagnostics].sort((a, b) =>
        (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1) || a.policy.localeCompare(b.policy)
        || a.urn.localeCompare(b.urn) || a.message.localeCompare(b.message));
    if (sorted.length > 0) {
        lines.push("Policy Violations:");
        for (const d of sorted) {
            const where = d.urn ? ` (${typeOf(d.urn)}: ${nameOf(d.urn)})` : "";
            lines.push(`    [${d.level}]  apphome  ${d.policy}${where}`);
            for (const line of d.message.split("\n")) {
                lines.push(`    ${line}`);
            }
        }
        lines.push("");
    }
    for (const note of result.notes) {
        lines.push(`note: ${note}`);
    }
    lines.push(`${result.mandatory} mandatory, ${result.advisory} advisory (${result.deferred} deferred to pulumi up, `
        + `${result.exempted} exempted)`);
    return lines.join("\n");
}

function readJson(file: string, what: string, fix: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT"
            ? "no such file" : (e as Error).message}. ${fix}`);
    }
    try {
        return text.trim() === "" && what === "policy config" ? {} : JSON.parse(text);
    } catch (e) {
        throw new InputError(`${what} ${file} is not JSON (${(e as Error).message}). ${fix}`);
    }
}

async function main(argv: string[]): Promise<number> {
    const args = [...argv];
    const planFile = args.shift();
    let configFile: string | undefined;
    while (args.length > 0) {
        const flag = args.shift();
        const value = args.shift();
        if (flag === "--stack" && value) {
            configFile = path.join(PACK_DIR, "config", `${value}.json`);
        } else if (flag === "--config" && value) {
            configFile = value;
        } else {
            console.error(USAGE);
            return 2;
        }
    }
    if (!planFile) {
        console.error(USAGE);
        return 2;
    }
    let session: AnalyzerSession | undefined;
    try {
        const judged = judge(readJson(planFile, "preview document",
            "Give the output of pulumi preview --json --show-sames or bin/plan --json."), planFile);
        const config = configFile ? readJson(configFile, "policy config", "Give a policy config file such as policy/config/dev.json.") : {};
        const started = Date.now();
        session = await AnalyzerSession.start(PACK_DIR, { stack: judged });
        await session.configureStack(judged);
        try {
            await session.configure(config);
        } catch (e) {
            if (e instanceof ConfigError) {
                throw new InputError(`${configFile ?? "the policy config"} is not valid policy config; pulumi preview would stop `
                    + `on it too ("validating policy config"):\n${e.message}\nFix these entries: a level is one of advisory, `
                    + "mandatory, remediate or disabled, and a setting must be one the policy declares, within its schema.");
            }
            throw e;
        }
        const result = summarize(await session.analyze(judged), judged);
        console.log(format(result));
        console.log(`Checked ${result.resources} resources with ${configFile ? path.basename(configFile) : "the pack's own levels"} `
            + `in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return result.mandatory > 0 ? 1 : 0;
    } catch (e) {
        if (e instanceof InputError || e instanceof PackError) {
            console.error(`error: ${e.message}`);
            return 2;
        }
        throw e;
    } finally {
        session?.close();
    }
}

if (require.main === module) {
    // Setting the code instead of exiting lets stdout drain when it is a pipe.
    main(process.argv.slice(2)).then(code => { process.exitCode = code; }, e => {
        console.error(`error: bin/policy-check failed unexpectedly: ${e instanceof Error ? e.message : e}`);
        process.exitCode = 2;
    });
}
