import { exempts, nameInStack } from "../src/lib/policy";
import { after, before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { compliantStack } from "./fixtures";
import { mutate, Pack, planOf, UNKNOWN } from "./support";

/**
 * During preview, inputs wired to resources not yet created are unknown. The SDK turns a policy
 * that reads one into an advisory "can't run" for the whole policy; these tests pin what the pack
 * does instead: decide from the dependency graph where it can, and report each undecidable check
 * as a visible deferral naming the value.
 */
const pack = new Pack();
before(() => pack.start());
after(() => pack.stop());

describe("preview", () => {
    it("counts an unknown key reference as set, so encryption is decided", async () => {
        const plan = planOf(mutate(compliantStack(), "db", i => { i.kmsKeyId = UNKNOWN; }));

        assert.deepEqual(await pack.run(plan), []);
    });

    it("still finds a data subnet routed to the internet gateway while every id is unknown", async () => {
        const specs = compliantStack().concat([{ type: "aws:ec2/route:Route", name: "isolated-leak",
            inputs: { destinationCidrBlock: "0.0.0.0/0", routeTableId: UNKNOWN, gatewayId: UNKNOWN },
            deps: { routeTableId: ["isolated-rt"], gatewayId: ["igw"] } }]);

        const findings = await pack.findings(planOf(specs), "data-stores-in-private-subnets");

        assert.equal(findings.length, 3);
        assert.ok(findings.every(f => f.startsWith("mandatory ")));
    });

    it("defers a bucket policy that is unknown, naming it, instead of passing silently", async () => {
        const plan = planOf(mutate(compliantStack(), "media-policy", i => { i.policy = UNKNOWN; }));

        assert.deepEqual(await pack.findings(plan, "s3-bucket-tls-only"), [
            "advisory deferred to pulumi up: media: media-policy.policy is not known during preview, so this check runs "
            + "again when the resource is created"]);
    });

    it("defers a queue policy that is unknown for both the queue's admissions and the subscription it serves", async () => {
        const plan = planOf(mutate(compliantStack(), "queue-policy", i => { i.policy = UNKNOWN; }));

        assert.deepEqual(await pack.findings(plan, "sqs-queue-policy-scoped-to-subscribed-topics"), [
            "advisory deferred to pulumi up: queue-policy: queue-policy.policy is not known during preview, so this check "
            + "runs again when the resource is created"]);
        assert.deepEqual(await pack.findings(plan, "sns-subscription-delivers-to-admitting-queue"), [
            "advisory deferred to pulumi up: topic-to-queue: queue-policy.policy is not known during preview, so this "
            + "check runs again when the resource is created"]);
    });

    it("defers container definitions that are unknown", async () => {
        const plan = planOf(mutate(compliantStack(), "task", i => { i.containerDefinitions = UNKNOWN; }));

        assert.deepEqual(await pack.findings(plan, "ecs-no-secrets-in-environment"), [
            "advisory deferred to pulumi up: task: containerDefinitions is not known during preview, so this check runs "
            + "again when the resource is created"]);
    });

    it("defers only the check that needs the unknown value and still decides the others", async () => {
        const plan = planOf(mutate(compliantStack(), "db", i => { i.deletionProtection = UNKNOWN; i.skipFinalSnapshot = true; }));

        assert.deepEqual(await pack.findings(plan, "rds-deletion-protected"), [
            "advisory deferred to pulumi up: db: deletionProtection is not known during preview, so this check runs again "
            + "when the resource is created",
            "mandatory db: skipFinalSnapshot is true; required: skipFinalSnapshot: false with a finalSnapshotIdentifier. "
            + "Fix: set skipFinalSnapshot: false in the stack file's database settings"]);
        const cache = planOf(mutate(compliantStack(), "cache", i => { i.snapshotRetentionLimit = UNKNOWN; i.multiAzEnabled = false; }));
        assert.deepEqual(await pack.findings(cache, "elasticache-failover-and-backups"), [
            "mandatory cache: automaticFailoverEnabled is true and multiAzEnabled is false; required: both true, with at "
            + "least one replica. Fix: set replicas: 1 and multiAz: true in the stack file's cache settings",
            "advisory deferred to pulumi up: cache: snapshotRetentionLimit is not known during preview, so this check runs "
            + "again when the resource is created"]);
    });
});

describe("not applicable", () => {
    it("skips read replicas for storage, credentials and backups, which they inherit", async () => {
        const plan = planOf([...compliantStack(), { type: "aws:rds/instance:Instance", name: "replica", protect: true,
            inputs: { replicateSourceDb: "db", publiclyAccessible: false, multiAz: true, deletionProtection: true,
                parameterGroupName: "db-params" },
            deps: { parameterGroupName: ["db-params"] } }]);

        assert.deepEqual(await pack.run(plan), []);
    });

    it("skips memcached clusters for at-rest encryption and asymmetric keys for rotation", async () => {
        const plan = planOf([...compliantStack(),
            { type: "aws:elasticache/cluster:Cluster", name: "memcached", inputs: { engine: "memcached", subnetGroupName: "s" },
                deps: { subnetGroupName: ["cache-subnets"] } },
            { type: "aws:kms/key:Key", name: "signing", protect: true,
                inputs: { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" } }]);

        assert.deepEqual(await pack.run(plan), []);
    });

    it("does not ask a network load balancer for HTTP header handling", async () => {
        const plan = planOf(mutate(compliantStack(), "alb", i => { i.loadBalancerType = "network"; i.dropInvalidHeaderFields = false; }));

        assert.deepEqual(await pack.findings(plan, "load-balancer-hardened"), []);
    });
});

describe("configuration", () => {
    it("lowers a policy to advisory for one stack", async () => {
        const plan = planOf(mutate(compliantStack(), "db", i => { i.multiAz = false; }));

        assert.deepEqual((await pack.run(plan, { "rds-multi-az": "advisory" })).map(d => d.level), ["advisory"]);
    });

    it("takes a policy's own settings", async () => {
        const plan = planOf(mutate(compliantStack(), "db", i => { i.backupRetentionPeriod = 3; }));

        assert.deepEqual(await pack.findings(plan, "rds-backups-retained", { "rds-backups-retained": { minimumDays: 1 } }), []);
        assert.equal((await pack.findings(plan, "rds-backups-retained", { "rds-backups-retained": { minimumDays: 5 } })).length, 1);
    });

    it("reports an exempted resource as advisory with its reason", async () => {
        const plan = planOf(mutate(compliantStack(), "db", i => { i.multiAz = false; }));
        const config = { "rds-multi-az": { exemptions: [{ resource: "db", reason: "a reporting replica we can rebuild" }] } };

        assert.deepEqual(await pack.findings(plan, "rds-multi-az", config), [
            "advisory exempted (a reporting replica we can rebuild): db: multiAz is not true; required: multiAz: true. "
            + "Fix: set multiAz: true in the stack file's database settings (a standby in another AZ)"]);
    });

    it("matches an exemption by the name within any stack, or by a wildcard", () => {
        const qa = { name: "apphome-qa-alb-http", urn: "urn:pulumi:qa::apphome::pulumi:pulumi:Stack$aws:lb/listener:Listener::apphome-qa-alb-http" };
        const reason = "development stacks serve plain HTTP";

        // One config serves dev, staging and qa alike: the stack prefix is not part of the name.
        assert.equal(exempts({ resource: "alb-http", reason }, qa), true);
        assert.equal(exempts({ resource: "apphome-qa-alb-http", reason }, qa), true);
        assert.equal(exempts({ resource: "*-http", reason }, qa), true);
        assert.equal(exempts({ resource: "alb-htt?", reason }, qa), true);
        assert.equal(exempts({ resource: "alb-https", reason }, qa), false);
        assert.equal(exempts({ resource: "apphome-dev-alb-http", reason }, qa), false);
        assert.equal(nameInStack(qa), "alb-http");
    });

    it("refuses config for a policy or setting the pack does not have", async () => {
        await assert.rejects(pack.run(planOf(compliantStack()), { "rds-multi-azz": "advisory" }),
            { message: /^  - "rds-multi-azz" is not a policy of this pack; it has: cloudfront-behind-waf, cloudfront-https-only, / });
        await assert.rejects(pack.run(planOf(compliantStack()), { "rds-backups-retained": { minimumDay: 3 } }),
            { message: '  - rds-backups-retained: has no setting "minimumDay"; it has: exemptions, minimumDays' });
    });

    it("lets 'all' set every level, and a policy's own entry override it", async () => {
        const plan = planOf(mutate(compliantStack(), "db", i => { i.multiAz = false; i.deletionProtection = false; }));

        const levels = (await pack.run(plan, { all: "advisory", "rds-multi-az": "mandatory" }))
            .map(d => `${d.policy}:${d.level}`).sort();
        assert.deepEqual(levels, ["rds-deletion-protected:advisory", "rds-multi-az:mandatory"]);
    });
});
