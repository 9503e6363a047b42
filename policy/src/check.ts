import * as fs from "fs";
import * as path from "path";
import { AnalyzerSession, ConfigError, Diagnostic, nameOf, PackConfig, PlanDocument, typeOf } from "./engine/analyzer";

/**
 * bin/policy-check: runs the pack over a `pulumi preview --json` document (bin/plan's, or a real
 * preview's) the way the CLI would, with no cloud credentials. Exit 0 without mandatory
 * violations, 1 with, 2 when the input or config is wrong.
 */

const PACK_DIR = path.resolve(__dirname, "..", "..");
const USAGE = "usage: bin/policy-check <preview.json> [--stack NAME | --config FILE]";

export interface CheckResult {
    diagnostics: Diagnostic[];
    mandatory: number;
    advisory: number;
    deferred: number;
    exempted: number;
}

export async function check(plan: PlanDocument, config: PackConfig, session?: AnalyzerSession): Promise<CheckResult> {
    const own = session ?? await AnalyzerSession.start(PACK_DIR);
    try {
        await own.configure(config);
        const diagnostics = await own.analyze(plan);
        const advisories = diagnostics.filter(d => d.level === "advisory");
        return {
            diagnostics,
            mandatory: diagnostics.filter(d => d.level === "mandatory").length,
            advisory: advisories.length,
            deferred: advisories.filter(d => d.message.includes("\ndeferred to pulumi up: ")
                || d.message.startsWith("can't run policy")).length,
            exempted: advisories.filter(d => d.message.includes("\nexempted (")).length,
        };
    } finally {
        if (!session) {
            own.close();
        }
    }
}

/** The report, shaped like the CLI's "Policy Violations" section. */
export function format(result: CheckResult): string {
    const lines: string[] = [];
    const sorted = [...result.diagnostics].sort((a, b) =>
        (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1) || a.policy.localeCompare(b.policy)
        || a.urn.localeCompare(b.urn));
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
    lines.push(`${result.mandatory} mandatory, ${result.advisory} advisory (${result.deferred} deferred to pulumi up, `
        + `${result.exempted} exempted)`);
    return lines.join("\n");
}

function readJson<T>(file: string, what: string): T {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as T;
    } catch (e) {
        throw new ConfigError(`cannot read ${what} ${file}: ${(e as Error).message}`);
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
    try {
        const plan = readJson<PlanDocument>(planFile, "plan");
        if (!Array.isArray(plan.steps)) {
            throw new ConfigError(`${planFile} has no steps array; expected the output of pulumi preview --json or bin/plan --json`);
        }
        const config = configFile ? readJson<PackConfig>(configFile, "policy config") : {};
        const started = Date.now();
        const result = await check(plan, config);
        console.log(format(result));
        console.log(`Checked ${plan.steps.length} resources with ${configFile ? path.basename(configFile) : "the pack's own levels"} `
            + `in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return result.mandatory > 0 ? 1 : 0;
    } catch (e) {
        if (e instanceof ConfigError) {
            console.error(`error: ${e.message}`);
            return 2;
        }
        throw e;
    }
}

if (require.main === module) {
    // Setting the code instead of exiting lets stdout drain when it is a pipe.
    main(process.argv.slice(2)).then(code => { process.exitCode = code; }, e => {
        console.error(e);
        process.exitCode = 2;
    });
}
