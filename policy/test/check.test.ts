import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compliantStack } from "./fixtures";
import { mutate, PACK_DIR, planOf } from "./support";

/** bin/policy-check as CI calls it: output, summary and exit status. */
const CHECK = path.resolve(PACK_DIR, "..", "bin", "policy-check");

function run(plan: unknown, ...args: string[]): { status: number | null; out: string; err: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apphome-check-"));
    const file = path.join(dir, "plan.json");
    fs.writeFileSync(file, typeof plan === "string" ? plan : JSON.stringify(plan));
    const result = spawnSync(CHECK, [file, ...args], { encoding: "utf8" });
    return { status: result.status, out: result.stdout, err: result.stderr };
}

describe("bin/policy-check", () => {
    it("exits 0 on a compliant plan and says so", () => {
        const result = run(planOf(compliantStack()));

        assert.equal(result.status, 0, result.err);
        assert.match(result.out, /^0 mandatory, 0 advisory \(0 deferred to pulumi up, 0 exempted\)\nChecked \d+ resources/);
    });

    it("exits 1 on a mandatory violation and lists it as the CLI does", () => {
        const result = run(planOf(mutate(compliantStack(), "db", i => { i.publiclyAccessible = true; })));

        assert.equal(result.status, 1);
        assert.ok(result.out.startsWith("Policy Violations:\n"
            + "    [mandatory]  apphome  rds-not-publicly-accessible (aws:rds/instance:Instance: db)\n"
            + "    RDS instances and Aurora cluster members must not be publicly accessible (FSBP RDS.2; checkov CKV_AWS_17).\n"
            + "    db: publiclyAccessible is true; required: publiclyAccessible: false."), result.out);
        assert.match(result.out, /\n1 mandatory, 0 advisory/);
    });

    it("exits 0 when the stack's config makes the only violation advisory", () => {
        const result = run(planOf(mutate(compliantStack(), "db", i => { i.multiAz = false; })), "--stack", "dev");

        assert.equal(result.status, 0, result.out);
        assert.match(result.out, /\[advisory\]  apphome  rds-multi-az/);
    });

    it("exits 2 with the reason on a config naming an unknown policy", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apphome-config-"));
        const config = path.join(dir, "bad.json");
        fs.writeFileSync(config, JSON.stringify({ "rds-multiaz": "advisory" }));

        const result = run(planOf(compliantStack()), "--config", config);

        assert.equal(result.status, 2);
        assert.match(result.err, /^error: unknown policy "rds-multiaz"; the pack has: /);
    });

    it("exits 2 on a file that is not a preview document", () => {
        const result = run("{\"resources\": []}");

        assert.equal(result.status, 2);
        assert.match(result.err, /has no steps array; expected the output of pulumi preview --json or bin\/plan --json/);
    });
});
