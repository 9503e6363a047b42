import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compliantStack } from "./fixtures";
import { policies } from "../src/policies";
import { mutate, PACK_DIR, planOf } from "./support";

/** bin/policy-check as CI calls it: output, summary and exit status. */
const CHECK = path.resolve(PACK_DIR, "..", "bin", "policy-check");

function run(plan: unknown, ...args: string[]): { status: number | null; out: string; err: string; file: string } {
    const file = write("plan.json", plan);
    const result = spawnSync(CHECK, [file, ...args], { encoding: "utf8" });
    return { status: result.status, out: result.stdout, err: result.stderr, file };
}

function write(name: string, content: unknown): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "apphome-check-")), name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
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

    it("exits 2 on a file that is not a preview document", () => {
        const result = run("{\"resources\": []}");

        assert.equal(result.status, 2);
        assert.match(result.err, /has no steps array; expected the output of pulumi preview --json or bin\/plan --json/);
    });
});

describe("bin/policy-check refuses a preview it cannot judge whole", () => {
    it("refuses a preview without --show-sames instead of reporting the database's subnets as outside the stack", () => {
        // An update previewed without --show-sames: the unchanged isolated subnets are left out, so the
        // database's subnet group names subnets the document does not show.
        const doc = planOf(compliantStack());
        doc.steps = doc.steps.filter(s => !/::isolated(-b)?$/.test(s.urn));

        const result = run(doc);

        assert.equal(result.status, 2, result.out);
        assert.equal(result.err, `error: ${result.file} cannot be judged: it is incomplete: it names 2 resources it does `
            + "not contain:\n"
            + "  - urn:pulumi:test::apphome::aws:ec2/subnet:Subnet::isolated, named as subnetId of isolated-assoc, subnetIds of "
            + "db-subnets, subnetIds of cache-subnets and 1 more\n"
            + "  - urn:pulumi:test::apphome::aws:ec2/subnet:Subnet::isolated-b, named as subnetId of isolated-b-assoc, subnetIds "
            + "of db-subnets, subnetIds of cache-subnets and 1 more\n"
            + "pulumi preview --json leaves out unchanged resources unless --show-sames is given, while the engine's stack "
            + "policies see every resource of the stack. Run pulumi preview --json --show-sames (or bin/plan --json) and check "
            + "that document.\n");
    });

    it("refuses a preview whose change summary counts unchanged resources it does not list", () => {
        const doc = { ...planOf(compliantStack()), changeSummary: { same: 3, create: 2 } };

        const result = run(doc);

        assert.equal(result.status, 2);
        assert.equal(result.err, `error: ${result.file} leaves out 3 unchanged resources: its changeSummary counts 3 "same" `
            + "steps and it lists 0. The engine's stack policies see every resource of the stack, so this document cannot be "
            + "judged. Run pulumi preview --json --show-sames (or bin/plan --json) and check that document.\n");
    });

    // One run serves both: a preview that deletes a resource and has no outputs.
    let kept: ReturnType<typeof run> | undefined;
    let keptDoc: ReturnType<typeof planOf>;
    const keptRun = () => {
        if (!kept) {
            keptDoc = planOf(compliantStack());
            keptDoc.steps.forEach(s => { delete s.newState!.outputs; });
            keptDoc.steps.push({ op: "delete", urn: "urn:pulumi:test::apphome::aws:s3/bucketV2:BucketV2::old" });
            kept = run(keptDoc);
        }
        return kept;
    };

    it("says when outputs are missing and what that means for the result", () => {
        const result = keptRun();
        const resources = keptDoc.steps.length - 1;

        assert.equal(result.status, 0, result.err);
        assert.ok(result.out.includes(`note: ${resources} of ${resources} resources have no outputs in this `
            + "document (pulumi preview --json may write a step before the provider answers). Stack policies saw their inputs "
            + "instead; values AWS computes (ids, ARNs, endpoints) are absent here where the engine passes them as unknown, so "
            + "a stack finding that rests on such a value may be a violation here and a deferral in the CLI.\n"), result.out);
    });

    it("analyses what a preview keeps and leaves out what it deletes", () => {
        const result = keptRun();

        assert.equal(result.status, 0, result.err);
        assert.match(result.out, new RegExp(`\nChecked ${keptDoc.steps.length - 1} resources with the pack's own levels in `));
    });

    it("refuses steps it cannot read, naming each by its index, instead of skipping them", () => {
        const doc = planOf(compliantStack()) as any;
        delete doc.steps[2].newState;
        doc.steps[4] = "create";
        doc.steps.push(null);
        delete doc.steps[5].newState.type;
        doc.steps[6].newState.urn = 42;

        const result = run(doc);

        assert.equal(result.status, 2);
        assert.equal(result.err, `error: ${result.file} cannot be judged: it has steps the checker cannot read:\n`
            + `  - step 2 (create ${doc.steps[2].urn}) has no newState object, so its resource cannot be analysed (only deletions lack one)\n`
            + "  - step 4 is the string \"create\", not a step object\n"
            + `  - step 5 (create ${doc.steps[5].urn}) has a newState without a type\n`
            + `  - step 6 (create ${doc.steps[6].urn}) has a newState whose urn is a number, not a URN `
            + "urn:pulumi:<stack>::<project>::<type>::<name>\n"
            + `  - step ${doc.steps.length - 1} is null, not a step object\n`
            + "Regenerate it with pulumi preview --json --show-sames or bin/plan --json; a hand-edited document must keep that shape.\n");
        assert.ok(!result.err.includes("    at "), "no stack trace");
    });

    it("refuses a document without steps instead of passing it", () => {
        const result = run({ steps: [], changeSummary: {} });

        assert.equal(result.status, 2);
        assert.equal(result.err, `error: ${result.file} has no steps, so there is nothing to judge; a preview always has at `
            + "least the root stack's step. Give the output of pulumi preview --json --show-sames or bin/plan --json.\n");
    });

    it("refuses a resource listed twice", () => {
        const doc = planOf(compliantStack());
        doc.steps.push(JSON.parse(JSON.stringify(doc.steps[1])));

        const result = run(doc);

        assert.equal(result.status, 2);
        assert.equal(result.err, `error: ${result.file} cannot be judged: a resource appears more than once:\n`
            + `  - steps 1 and ${doc.steps.length - 1} both describe urn:pulumi:test::apphome::aws:ec2/vpc:Vpc::vpc\n`
            + "A preview lists each resource once: regenerate the document instead of joining two.\n");
    });

});

describe("bin/policy-check validates policy config as the CLI does", () => {
    it("refuses settings outside their schema and misspelled levels, listing every problem", () => {
        const config = write("invalid.json", {
            "rds-backups-retained": { minimumDays: 0 },
            "load-balancer-listener-https": { exemptions: [{ resource: "alb-http", reason: "short" },
                { resource: "alb-http", reason: "dev has no certificate yet", ticket: "OPS-1" }] },
            "rds-multi-az": "mandatroy",
            "rds-deletion-protected": { enforcementLevel: "strict" },
            "rds-multiaz": "advisory",
            all: "blocking",
        });

        const result = run(planOf(compliantStack()), "--config", config);

        assert.equal(result.status, 2);
        assert.equal(result.err, `error: ${config} is not valid policy config; pulumi preview would stop on it too `
            + "(\"validating policy config\"):\n"
            + `  - "rds-multiaz" is not a policy of this pack; it has: ${policies.map(p => p.name).join(", ")}\n`
            + "  - all: enforcement level \"blocking\" is not one of advisory, mandatory, remediate, disabled\n"
            + "  - load-balancer-listener-https: exemptions[0].reason is \"short\", which must NOT have fewer than 10 characters\n"
            + "  - load-balancer-listener-https: exemptions[1] has \"ticket\", which its schema does not allow\n"
            + "  - rds-backups-retained: minimumDays is 0, which must be >= 1\n"
            + "  - rds-deletion-protected: enforcementLevel \"strict\" is not one of advisory, mandatory, remediate, disabled\n"
            + "  - rds-multi-az: enforcement level \"mandatroy\" is not one of advisory, mandatory, remediate, disabled\n"
            + "Fix these entries: a level is one of advisory, mandatory, remediate or disabled, and a setting must be one the "
            + "policy declares, within its schema.\n");
    });
});
