import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../src/policies";

/** Every policy carries what a reader of a violation needs, and every policy is tested. */
const TEST_SOURCES = path.resolve(__dirname, "..", "..", "test");
const testText = fs.readdirSync(TEST_SOURCES).filter(f => f.endsWith(".test.ts") && f !== "meta.test.ts")
    .map(f => fs.readFileSync(path.join(TEST_SOURCES, f), "utf8")).join("\n");

describe("every policy", () => {
    it("has a unique kebab-case name", () => {
        for (const p of policies) {
            assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)+$/, p.name);
        }
        assert.equal(new Set(policies.map(p => p.name)).size, policies.length);
    });

    for (const p of policies) {
        it(`${p.name} has a full-sentence description naming its controls, a level and a category`, () => {
            assert.match(p.description, /^[A-Z][^]{40,}\.$/, p.name);
            assert.ok(p.meta.controls.length > 0);
            assert.ok(p.meta.controls.some(c => p.description.includes(c)), `${p.name} names none of ${p.meta.controls}`);
            assert.ok(["advisory", "mandatory"].includes(p.enforcementLevel!));
            assert.ok(["encryption-at-rest", "encryption-in-transit", "exposure", "data-protection"].includes(p.meta.category));
            assert.ok(p.configSchema!.properties.exemptions, "every policy takes exemptions");
        });

        it(`${p.name} is exercised by a test`, () => {
            assert.ok(testText.includes(`"${p.name}"`), `no test names "${p.name}"`);
        });
    }
});

describe("the README's policy table", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| [^|]+ \| [^|]+ \| ([a-z]+)[^|]* \| ([a-z]+) \|$/gm)];
    const config = (stack: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "config", `${stack}.json`), "utf8"));
    const level = (c: Record<string, any>, name: string, own: string) =>
        (typeof c[name] === "string" ? c[name] : c[name]?.enforcementLevel) ?? own;

    it("lists exactly the pack's policies", () => {
        assert.deepEqual(rows.map(r => r[1]).sort(), policies.map(p => p.name).sort());
    });

    it("shows the level each stack's config gives", () => {
        const dev = config("dev");
        const prod = config("prod");
        for (const [, name, devLevel, prodLevel] of rows) {
            const p = policies.find(x => x.name === name)!;
            assert.equal(devLevel, level(dev, name, p.enforcementLevel!), `${name} in dev`);
            assert.equal(prodLevel, level(prod, name, p.enforcementLevel!), `${name} in prod`);
        }
    });
});
