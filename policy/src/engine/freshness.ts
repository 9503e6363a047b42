import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * dist/ holds the compiled pack that both `pulumi preview --policy-pack policy` (through package.json
 * "main") and bin/policy-check run. The build records the fingerprint of the sources it compiled;
 * the pack's entry module refuses to serve when the sources on disk have another, so neither path
 * can run a pack older than its sources.
 */

const STAMP = path.join("dist", ".source-fingerprint");

/** The files the pack is compiled from: index.ts, src/**\/*.ts and tsconfig.json (not tests, not editor files). */
function sources(packDir: string): string[] {
    const files = ["index.ts", "tsconfig.json"];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(path.join(packDir, dir), { withFileTypes: true })) {
            const rel = `${dir}/${entry.name}`;
            if (entry.isDirectory()) {
                walk(rel);
            } else if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.startsWith(".")) {
                files.push(rel);
            }
        }
    };
    walk("src");
    return files.sort();
}

/** SHA-256 over each source's relative path and bytes, in path order. */
export function fingerprint(packDir: string): string {
    const hash = createHash("sha256");
    for (const file of sources(packDir)) {
        hash.update(file).update("\0").update(fs.readFileSync(path.join(packDir, file))).update("\0");
    }
    return hash.digest("hex");
}

/** Build step: records which sources dist/ was compiled from. */
export function record(packDir: string): void {
    fs.writeFileSync(path.join(packDir, STAMP), fingerprint(packDir) + "\n");
}

/** Why dist/ must not run, or undefined when it was built from the sources on disk. */
export function staleness(packDir: string): string | undefined {
    const stamp = path.join(packDir, STAMP);
    const built = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").trim() : undefined;
    const current = fingerprint(packDir);
    if (built === current) {
        return undefined;
    }
    return `${path.join(packDir, "dist")} was ${built ? `built from other sources (built ${built.substring(0, 12)}, `
        + `sources now ${current.substring(0, 12)})` : "built without recording its sources"}, so it is not the pack in `
        + `${packDir}. Rebuild it before previewing: npm run build --prefix ${path.relative(process.cwd(), packDir) || "."}`;
}

if (require.main === module) {
    const packDir = path.resolve(__dirname, "..", "..", "..");
    if (process.argv[2] === "record") {
        record(packDir);
    } else {
        const problem = staleness(packDir);
        if (problem) {
            console.error(problem);
            process.exitCode = 1;
        }
    }
}
