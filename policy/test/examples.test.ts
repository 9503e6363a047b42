import { after, before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { PackConfig, PlanDocument } from "../src/engine/analyzer";
import { Pack, PACK_DIR, planBatch } from "./support";

/**
 * The pack over every example stack under examples/<system>/: production examples with prod.json,
 * the smaller ones with dev.json, none may have a mandatory violation. The plans are the documents
 * the Java tests of the same bin/test run left in target/example-plans (each example is planned
 * once); the documents missing or older than their stack file or the program are made again with
 * one bin/plan --batch.
 */
const REPO = path.resolve(PACK_DIR, "..");
const DOCUMENTS = path.join(REPO, "target", "example-plans");
const pack = new Pack();

interface Example { system: string; stack: string; file: string }

const EXAMPLES: Example[] = fs.readdirSync(path.join(REPO, "examples"), { withFileTypes: true })
    .filter(d => d.isDirectory())
    .flatMap(d => fs.readdirSync(path.join(REPO, "examples", d.name))
        .filter(f => /^Pulumi\.[a-z0-9-]+\.yaml$/.test(f))
        .map(f => ({ system: d.name, stack: f.replace(/^Pulumi\.|\.yaml$/g, ""), file: path.join(REPO, "examples", d.name, f) })))
    .sort((a, b) => `${a.system}/${a.stack}`.localeCompare(`${b.system}/${b.stack}`));

/** The newest modification time under the program's sources, as bin/plan decides whether to rebuild. */
function newestSource(): number {
    let newest = fs.statSync(path.join(REPO, "pom.xml")).mtimeMs;
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach(e => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
            walk(p);
        } else {
            newest = Math.max(newest, fs.statSync(p).mtimeMs);
        }
    });
    walk(path.join(REPO, "src", "main"));
    return newest;
}

const plans = new Map<string, PlanDocument>();
const key = (e: Example) => `${e.system}/${e.stack}`;

before(async () => {
    const program = newestSource();
    const stale = EXAMPLES.filter(e => {
        const doc = path.join(DOCUMENTS, `${e.system}-${e.stack}.json`);
        return !fs.existsSync(doc) || fs.statSync(doc).mtimeMs < Math.max(program, fs.statSync(e.file).mtimeMs);
    });
    const made = stale.length === 0 ? new Map()
        : await planBatch(stale.map(e => ({ key: key(e), stack: e.file, preview: false })));
    for (const e of EXAMPLES) {
        plans.set(key(e), made.get(key(e))?.doc
            ?? JSON.parse(fs.readFileSync(path.join(DOCUMENTS, `${e.system}-${e.stack}.json`), "utf8")));
    }
    await pack.start();
});
after(() => pack.stop());

function config(name: string): PackConfig {
    return JSON.parse(fs.readFileSync(path.join(PACK_DIR, "config", `${name}.json`), "utf8"));
}

describe("the example stacks", () => {
    it("are the four systems, each with production and one smaller environment", () => {
        assert.deepEqual(EXAMPLES.map(key), ["commerce-link-hub/dev", "commerce-link-hub/prod", "social-analytics/prod",
            "social-analytics/staging", "wallet-service/prod", "wallet-service/staging", "wellness-platform/dev",
            "wellness-platform/prod"]);
    });

    for (const example of EXAMPLES) {
        const packConfig = example.stack === "prod" ? "prod" : "dev";
        it(`${key(example)} has no mandatory violation with ${packConfig}.json`, async () => {
            const diagnostics = await pack.run(plans.get(key(example))!, config(packConfig));

            const mandatory = diagnostics.filter(d => d.level === "mandatory").map(d => `${d.policy}: ${d.message}`);
            assert.deepEqual(mandatory, []);
            if (packConfig === "prod") {
                // Production examples pass the production pack whole: not even an advisory finding.
                assert.deepEqual(diagnostics.map(d => d.policy), []);
            }
        });
    }
});
