import { after, before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackConfig, PlanDocument, PlanState } from "../src/engine/analyzer";
import { format, summarize } from "../src/check";
import { judge } from "../src/engine/document";
import { Pack, PACK_DIR, planBatch, Wanted } from "./support";

/**
 * The whole pack over the real program's plans, made by bin/plan from the committed stack files:
 * they must pass with their stack's config, and each deliberate fault injected into them must be
 * rejected by the policy that guards it.
 */
const REPO = path.resolve(PACK_DIR, "..");
const pack = new Pack();
const plans = new Map<string, PlanDocument>();

const files = new Map<string, string>();

/** Plans the wanted stacks in one bin/plan --batch and keeps each document and its file by key. */
async function planAll(wanted: Wanted[]): Promise<void> {
    for (const [key, made] of await planBatch(wanted)) {
        files.set(key, made.file);
        plans.set(key, made.doc);
    }
}

/** A fresh copy of a plan made in before(). */
function plan(stack: string, preview = false): PlanDocument {
    return JSON.parse(JSON.stringify(plans.get(`${stack}${preview ? "-preview" : ""}`)));
}

/** A stack file written to a temporary directory beside the project's Pulumi.yaml. */
function stackFile(name: string, yaml: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apphome-stack-"));
    fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(dir, `Pulumi.${name}.yaml`), yaml);
    return path.join(dir, `Pulumi.${name}.yaml`);
}

/** A stack file that sets only what is required: a service, a MySQL database, a cache, a bucket, a certificate. */
const MINIMAL = [
    "config:",
    "  aws:region: us-east-1",
    "  apphome:loadBalancer:",
    "    certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-123456789012",
    "  apphome:services:",
    "    web: {kind: web, image: 'nginx:1.27', port: 8080, routing: {priority: 10},",
    "          uses: {database: true, cache: true, buckets: {files: readWrite}}}",
    "  apphome:database: {engine: mysql, instanceClass: db.t4g.small}",
    "  apphome:cache: {nodeType: cache.t4g.micro}",
    "  apphome:buckets: {files: {}}",
    ""].join("\n");
let minimal: PlanDocument;

/** The variant stack with the stores the committed stacks lack: Kafka, an RDS Proxy, tuned parameters. */
const KAFKA_PROXY = fs.readFileSync(path.join(REPO, "src", "test", "resources", "stacks", "Pulumi.kafka-proxy.yaml"), "utf8");
const variant: Record<string, PlanDocument> = {};

function config(stack: string): PackConfig {
    return JSON.parse(fs.readFileSync(path.join(PACK_DIR, "config", `${stack}.json`), "utf8"));
}

function state(doc: PlanDocument, type: string, name: string): PlanState {
    const found = doc.steps.map(s => s.newState!).filter(s => s.type === type && s.urn.endsWith(`::${name}`));
    assert.equal(found.length, 1, `${type} ${name}`);
    return found[0];
}

function set(doc: PlanDocument, type: string, name: string, change: (values: Record<string, any>) => void): PlanDocument {
    const s = state(doc, type, name);
    change(s.inputs!);
    change(s.outputs!);
    return doc;
}

function add(doc: PlanDocument, type: string, name: string, inputs: Record<string, unknown>,
             deps: Record<string, PlanState[]>): PlanDocument {
    const urn = `urn:pulumi:injected::apphome::${type}::${name}`;
    const propertyDependencies = Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v.map(s => s.urn)]));
    doc.steps.push({ op: "create", urn, newState: { urn, type, custom: true, parent: "", inputs, outputs: inputs,
        dependencies: Object.values(propertyDependencies).flat(), propertyDependencies } });
    return doc;
}

/** Removes a resource and every reference to it, as the program without that resource would register. */
function remove(doc: PlanDocument, type: string, name: string): PlanDocument {
    const urn = state(doc, type, name).urn;
    doc.steps = doc.steps.filter(s => s.urn !== urn);
    for (const s of doc.steps.map(step => step.newState!)) {
        s.dependencies = s.dependencies?.filter(d => d !== urn);
        for (const [prop, urns] of Object.entries(s.propertyDependencies ?? {})) {
            s.propertyDependencies![prop] = urns.filter(d => d !== urn);
        }
    }
    return doc;
}

interface Fault {
    fault: string;
    policies: string[];
    inject: (doc: PlanDocument, stack: string) => PlanDocument;
}

const p = (stack: string) => `apphome-${stack}`;

const FAULTS: Fault[] = [
    { fault: "a public database", policies: ["rds-not-publicly-accessible"],
        inject: (d, s) => set(d, "aws:rds/instance:Instance", `${p(s)}-db-instance`, v => { v.publiclyAccessible = true; }) },
    { fault: "an unencrypted database", policies: ["rds-storage-encrypted-with-cmk"],
        inject: (d, s) => set(d, "aws:rds/instance:Instance", `${p(s)}-db-instance`, v => { v.storageEncrypted = false; }) },
    { fault: "a data subnet routed to the internet gateway", policies: ["data-stores-in-private-subnets"],
        inject: (d, s) => add(d, "aws:ec2/route:Route", "isolated-leak", { destinationCidrBlock: "0.0.0.0/0" }, {
            routeTableId: [state(d, "aws:ec2/routeTable:RouteTable", `${p(s)}-isolated`)],
            gatewayId: [state(d, "aws:ec2/internetGateway:InternetGateway", `${p(s)}-igw`)] }) },
    { fault: "a world-open data security group",
        policies: ["data-store-security-groups-admit-only-groups", "security-group-internet-ingress-only-to-load-balancer"],
        inject: (d, s) => add(d, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db-world",
            { cidrIpv4: "0.0.0.0/0", fromPort: 5432, toPort: 5432, ipProtocol: "tcp" },
            { securityGroupId: [state(d, "aws:ec2/securityGroup:SecurityGroup", `${p(s)}-db-sg`)] }) },
    { fault: "an unencrypted cache", policies: ["elasticache-encrypted-at-rest-with-cmk"],
        inject: (d, s) => set(d, "aws:elasticache/replicationGroup:ReplicationGroup", `${p(s)}-cache-group`,
            v => { v.atRestEncryptionEnabled = false; }) },
    { fault: "a cache that accepts plain connections", policies: ["elasticache-tls-and-auth-required"],
        inject: (d, s) => set(d, "aws:elasticache/replicationGroup:ReplicationGroup", `${p(s)}-cache-group`,
            v => { v.transitEncryptionEnabled = false; }) },
    { fault: "a bucket without its public-access block", policies: ["s3-bucket-public-access-blocked"],
        inject: (d, s) => remove(d, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${p(s)}-bucket-media-public-access`) },
    { fault: "a bucket policy without the TLS deny", policies: ["s3-bucket-tls-only"],
        inject: (d, s) => set(d, "aws:s3/bucketPolicy:BucketPolicy", `${p(s)}-bucket-media-policy`,
            v => { v.policy = JSON.stringify({ Version: "2012-10-17", Statement: [] }); }) },
    { fault: "tasks with public addresses", policies: ["ecs-service-private"],
        inject: (d, s) => set(d, "aws:ecs/service:Service", `${p(s)}-api-service`,
            v => { v.networkConfiguration.assignPublicIp = true; }) },
    { fault: "a password in a container's environment", policies: ["ecs-no-secrets-in-environment"],
        inject: (d, s) => set(d, "aws:ecs/taskDefinition:TaskDefinition", `${p(s)}-worker-task`, v => {
            const defs = JSON.parse(v.containerDefinitions);
            defs[0].environment.push({ name: "STRIPE_API_KEY", value: "sk_live_x" });
            v.containerDefinitions = JSON.stringify(defs);
        }) },
    { fault: "an unencrypted log group", policies: ["log-group-encrypted"],
        inject: (d, s) => set(d, "aws:cloudwatch/logGroup:LogGroup", `${p(s)}-api-logs`, v => { delete v.kmsKeyId; }) },
    { fault: "a key without rotation", policies: ["kms-key-rotated"],
        inject: (d, s) => set(d, "aws:kms/key:Key", `${p(s)}-key-key`, v => { v.enableKeyRotation = false; }) },
    { fault: "an unencrypted alert topic", policies: ["sns-topic-encrypted"],
        inject: (d, s) => set(d, "aws:sns/topic:Topic", `${p(s)}-alerts-topic`, v => { delete v.kmsMasterKeyId; }) },
    { fault: "a database parameter group that allows plain connections", policies: ["rds-parameter-group-forces-tls"],
        inject: (d, s) => set(d, "aws:rds/parameterGroup:ParameterGroup", `${p(s)}-db-params`, v => { v.parameters = []; }) },
    { fault: "a private subnet that hands out public addresses", policies: ["subnet-no-public-ip-on-launch"],
        inject: (d, s) => set(d, "aws:ec2/subnet:Subnet", `${p(s)}-private-1`, v => { v.mapPublicIpOnLaunch = true; }) },
    { fault: "a load balancer without its web ACL", policies: ["load-balancer-behind-waf"],
        inject: (d, s) => remove(d, "aws:wafv2/webAclAssociation:WebAclAssociation", `${p(s)}-alb-waf`) },
    { fault: "a queue without its dead-letter queue", policies: ["sqs-queue-has-dead-letter-queue"],
        inject: (d, s) => {
            remove(d, "aws:sqs/queuePolicy:QueuePolicy", `${p(s)}-queue-jobs-dlq-policy`);
            remove(d, "aws:sqs/queue:Queue", `${p(s)}-queue-jobs-dlq`);
            return set(d, "aws:sqs/queue:Queue", `${p(s)}-queue-jobs-queue`, v => { delete v.redrivePolicy; });
        } },
    { fault: "the default security group left open", policies: ["default-security-group-closed"],
        inject: (d, s) => set(d, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", `${p(s)}-default-sg`,
            v => { v.ingress = [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }]; }) },
];

/** The variant stack with a scheduled job, a queue-driven function and a scheduled function. */
const JOBS = fs.readFileSync(path.join(REPO, "src", "test", "resources", "stacks", "Pulumi.jobs.yaml"), "utf8");
let jobs: PlanDocument;
let jobsPreview: PlanDocument;

/** The variant stack that uses topics, tables and a secret with keys, planned in before(). */
const FANOUT = fs.readFileSync(path.join(REPO, "src", "test", "resources", "stacks", "Pulumi.fanout.yaml"), "utf8");
let fanout: PlanDocument;

before(async () => {
    const both = (key: string, stack: string): Wanted[] =>
        [{ key, stack, preview: false }, { key: `${key}-preview`, stack, preview: true }];
    await Promise.all([pack.start(), planAll([...both("dev", "dev"), ...both("prod", "prod"),
        { key: "minimal", stack: stackFile("minimal", MINIMAL), preview: false },
        { key: "fanout", stack: stackFile("fanout", FANOUT), preview: false },
        ...both("kafka-proxy", stackFile("kafka-proxy", KAFKA_PROXY)), ...both("jobs", stackFile("jobs", JOBS))])]);
    minimal = plan("minimal");
    fanout = plan("fanout");
    variant.plan = plan("kafka-proxy");
    variant.preview = plan("kafka-proxy", true);
    jobs = plan("jobs");
    jobsPreview = plan("jobs", true);
});
after(() => pack.stop());

describe("a stack file that sets only what is required", () => {
    it("passes every encryption and exposure policy at mandatory level; only paid-for availability is missing", async () => {
        const doc = minimal;

        const mandatory = (await pack.run(doc, {})).filter(d => d.level === "mandatory").map(d => d.policy).sort();

        assert.deepEqual(mandatory, ["elasticache-failover-and-backups", "rds-multi-az"]);
    });
});

describe("the jobs variant stack (a scheduled job, a queue-driven and a scheduled function)", () => {
    const fresh = () => JSON.parse(JSON.stringify(jobs)) as PlanDocument;
    const p = "apphome-jobs";

    it("has no mandatory violation with prod's config, planned or previewed, where only deferrals stay undecided", async () => {
        assert.deepEqual((await pack.run(fresh(), config("prod"))).filter(d => d.level === "mandatory")
            .map(d => `${d.policy}: ${d.message}`), []);
        const diagnostics = await pack.run(JSON.parse(JSON.stringify(jobsPreview)), config("prod"));
        assert.deepEqual(diagnostics.filter(d => d.level === "mandatory").map(d => d.policy), []);
        // The functions' environments hold the bucket's name and a secret's ARN, and the alert topic's and the
        // four queues' policies their ARNs: all unknown in preview.
        assert.deepEqual(diagnostics.filter(d => d.message.includes("\ndeferred to pulumi up: ")).map(d => d.policy).sort(),
            ["ecs-no-secrets-in-environment", "lambda-no-secrets-in-environment", "lambda-no-secrets-in-environment",
                "s3-bucket-tls-only", "sns-topic-tls-only", ...Array(4).fill("sqs-queue-policy-scoped-to-subscribed-topics"),
                ...Array(4).fill("sqs-queue-tls-only")]);
    });

    const faults: Fault[] = [
        { fault: "a function outside the VPC", policies: ["lambda-function-in-private-subnets"],
            inject: d => set(d, "aws:lambda/function:Function", `${p}-fn-caption-parser-function`, v => { delete v.vpcConfig; }) },
        { fault: "a function in a public subnet", policies: ["lambda-function-in-private-subnets"],
            inject: d => {
                const fn = state(d, "aws:lambda/function:Function", `${p}-fn-feed-refresh-function`);
                fn.propertyDependencies!.vpcConfig = [state(d, "aws:ec2/subnet:Subnet", `${p}-public-1`).urn,
                    state(d, "aws:ec2/securityGroup:SecurityGroup", `${p}-fn-feed-refresh-sg`).urn];
                return d;
            } },
        { fault: "a token in a function's environment", policies: ["lambda-no-secrets-in-environment"],
            inject: d => set(d, "aws:lambda/function:Function", `${p}-fn-feed-refresh-function`,
                v => { v.environment.variables.SHOP_API_TOKEN = "shp_live_x"; }) },
        { fault: "a function environment under the AWS-managed key", policies: ["lambda-environment-encrypted-with-cmk"],
            inject: d => set(d, "aws:lambda/function:Function", `${p}-fn-feed-refresh-function`, v => { delete v.kmsKeyArn; }) },
        { fault: "an unencrypted function log group", policies: ["log-group-encrypted"],
            inject: d => set(d, "aws:cloudwatch/logGroup:LogGroup", `${p}-fn-caption-parser-logs`, v => { delete v.kmsKeyId; }) },
        { fault: "an unencrypted scheduler dead-letter queue", policies: ["sqs-queue-encrypted"],
            inject: d => set(d, "aws:sqs/queue:Queue", `${p}-job-nightly-ingest-dlq`, v => { delete v.kmsMasterKeyId; }) },
        { fault: "a scheduler dead-letter queue no schedule names", policies: ["sqs-queue-has-dead-letter-queue"],
            inject: d => {
                const schedule = state(d, "aws:scheduler/schedule:Schedule", `${p}-job-nightly-ingest-schedule`);
                const dlq = state(d, "aws:sqs/queue:Queue", `${p}-job-nightly-ingest-dlq`).urn;
                schedule.propertyDependencies!.target = schedule.propertyDependencies!.target.filter(u => u !== dlq);
                return d;
            } },
        { fault: "a job task with a password in its environment", policies: ["ecs-no-secrets-in-environment"],
            inject: d => set(d, "aws:ecs/taskDefinition:TaskDefinition", `${p}-job-nightly-ingest-task`, v => {
                const defs = JSON.parse(v.containerDefinitions);
                defs[0].environment.push({ name: "VIDEO_API_PASSWORD", value: "hunter2" });
                v.containerDefinitions = JSON.stringify(defs);
            }) },
    ];
    for (const fault of faults) {
        it(`rejects ${fault.fault} (${fault.policies.join(", ")})`, async () => {
            const diagnostics = await pack.run(fault.inject(fresh(), "jobs"), config("prod"));
            assert.deepEqual([...new Set(diagnostics.filter(d => d.level === "mandatory").map(d => d.policy))].sort(),
                [...fault.policies].sort());
        });
    }
});

describe("the fanout variant stack (topics, tables, a secret with keys)", () => {
    const fresh = () => JSON.parse(JSON.stringify(fanout)) as PlanDocument;
    const p = "apphome-fanout";

    it("has no mandatory violation with prod's config", async () => {
        const mandatory = (await pack.run(fresh(), config("prod"))).filter(d => d.level === "mandatory");
        assert.deepEqual(mandatory.map(d => `${d.policy}: ${d.message}`), []);
    });

    const faults: Fault[] = [
        { fault: "a queue policy that also admits another topic", policies: ["sqs-queue-policy-scoped-to-subscribed-topics"],
            inject: d => set(d, "aws:sqs/queuePolicy:QueuePolicy", `${p}-queue-audit-queue-policy`, v => {
                const policy = JSON.parse(v.policy);
                policy.Statement.push({ ...policy.Statement[1], Sid: "Stranger",
                    Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:eu-west-1:210987654321:stranger" } } });
                v.policy = JSON.stringify(policy);
            }) },
        { fault: "a subscribed queue whose policy no longer admits the topic", policies: ["sns-subscription-delivers-to-admitting-queue"],
            inject: d => set(d, "aws:sqs/queuePolicy:QueuePolicy", `${p}-queue-billing-queue-policy`, v => {
                const policy = JSON.parse(v.policy);
                policy.Statement = policy.Statement.slice(0, 1);
                v.policy = JSON.stringify(policy);
            }) },
        { fault: "a topic policy without the TLS deny", policies: ["sns-topic-tls-only"],
            inject: d => set(d, "aws:sns/topicPolicy:TopicPolicy", `${p}-topic-orders-topic-policy`,
                v => { v.policy = JSON.stringify({ Version: "2012-10-17", Statement: [] }); }) },
        { fault: "a table without point-in-time recovery", policies: ["dynamodb-point-in-time-recovery"],
            inject: d => set(d, "aws:dynamodb/table:Table", `${p}-table-orders-table`,
                v => { v.pointInTimeRecovery = { enabled: false }; }) },
        { fault: "a table with the AWS-owned key", policies: ["dynamodb-encrypted-with-cmk"],
            inject: d => set(d, "aws:dynamodb/table:Table", `${p}-table-sessions-table`, v => { delete v.serverSideEncryption; }) },
    ];
    for (const fault of faults) {
        it(`rejects ${fault.fault} (${fault.policies.join(", ")})`, async () => {
            const diagnostics = await pack.run(fault.inject(fresh(), "fanout"), config("prod"));
            const mandatory = [...new Set(diagnostics.filter(d => d.level === "mandatory").map(d => d.policy))].sort();
            assert.deepEqual(mandatory, [...fault.policies].sort());
        });
    }
});

for (const stack of ["dev", "prod"]) {
    describe(`the ${stack} stack`, () => {
        it("gets the same findings from the pack started as the CLI starts it as from bin/policy-check", async () => {
            // The session runs @pulumi/pulumi's run-policy-pack on the pack directory, the module the
            // CLI's Node.js policy host runs, so package.json "main" decides what is loaded.
            const file = files.get(`${stack}-preview`)!;
            const judged = judge(plan(stack, true), file);
            const expected = format(summarize(await pack.run(plan(stack, true), config(stack)), judged));

            const cli = execFileSync(path.join(REPO, "bin", "policy-check"), [file, "--stack", stack], { encoding: "utf8" });

            const lines = cli.trimEnd().split("\n");
            assert.match(lines.pop()!, new RegExp(`^Checked ${judged.resources.length} resources with ${stack}.json in `));
            assert.equal(lines.join("\n"), expected);
            assert.match(expected, /^Policy Violations:\n/);
        });

        it("has no mandatory violation", async () => {
            const mandatory = (await pack.run(plan(stack), config(stack))).filter(d => d.level === "mandatory");
            assert.deepEqual(mandatory.map(d => `${d.policy}: ${d.message}`), []);
        });

        it("has no mandatory violation in preview, where only deferrals stay undecided", async () => {
            const diagnostics = await pack.run(plan(stack, true), config(stack));
            assert.deepEqual(diagnostics.filter(d => d.level === "mandatory").map(d => d.policy), []);
            const deferred = diagnostics.filter(d => d.message.includes("\ndeferred to pulumi up: ")).map(d => d.policy).sort();
            assert.deepEqual(deferred, ["ecs-no-secrets-in-environment", "ecs-no-secrets-in-environment",
                "ecs-no-secrets-in-environment", "s3-bucket-tls-only", "s3-bucket-tls-only", "sns-topic-tls-only",
                "sqs-queue-policy-scoped-to-subscribed-topics", "sqs-queue-policy-scoped-to-subscribed-topics",
                "sqs-queue-tls-only", "sqs-queue-tls-only"]);
            assert.equal(diagnostics.filter(d => d.message.startsWith("can't run policy")).length, 0,
                "no policy fell back to the SDK's silent preview advisory");
        });

        for (const fault of FAULTS) {
            it(`rejects ${fault.fault} (${fault.policies.join(", ")})`, async () => {
                const diagnostics = await pack.run(fault.inject(plan(stack), stack), config(stack));
                const mandatory = [...new Set(diagnostics.filter(d => d.level === "mandatory").map(d => d.policy))].sort();
                assert.deepEqual(mandatory, [...fault.policies].sort());
            });
        }
    });
}

const v = "apphome-kafka-proxy";

/** Faults in the stores only the variant has, each caught by the policy that guards it. */
const VARIANT_FAULTS: Fault[] = [
    { fault: "Kafka clients without authentication", policies: ["msk-not-public"],
        inject: d => set(d, "aws:msk/cluster:Cluster", `${v}-kafka-cluster`, x => { x.clientAuthentication.unauthenticated = true; }) },
    { fault: "Kafka clients in plaintext", policies: ["msk-encrypted-with-tls"],
        inject: d => set(d, "aws:msk/cluster:Cluster", `${v}-kafka-cluster`,
            x => { x.encryptionInfo.encryptionInTransit.clientBroker = "TLS_PLAINTEXT"; }) },
    { fault: "a database proxy that accepts plain connections", policies: ["rds-proxy-requires-tls"],
        inject: d => set(d, "aws:rds/proxy:Proxy", `${v}-db-proxy`, x => { x.requireTls = false; }) },
    { fault: "a proxy group that admits the VPC's range", policies: ["data-store-security-groups-admit-only-groups"],
        inject: d => add(d, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "proxy-vpc",
            { cidrIpv4: "10.0.0.0/16", fromPort: 3306, toPort: 3306, ipProtocol: "tcp" },
            { securityGroupId: [state(d, "aws:ec2/securityGroup:SecurityGroup", `${v}-db-proxy-sg`)] }) },
    { fault: "the isolated tier's ACL open to SSH from the internet", policies: ["network-acl-no-internet-admin-ingress"],
        inject: d => set(d, "aws:ec2/networkAclRule:NetworkAclRule", `${v}-isolated-acl-in-private-1-3306`,
            x => { x.cidrBlock = "0.0.0.0/0"; x.fromPort = 22; x.toPort = 22; }) },
    { fault: "the proxy's subnets routed to the internet gateway", policies: ["data-stores-in-private-subnets"],
        inject: d => add(d, "aws:ec2/route:Route", "isolated-leak", { destinationCidrBlock: "0.0.0.0/0" }, {
            routeTableId: [state(d, "aws:ec2/routeTable:RouteTable", `${v}-isolated`)],
            gatewayId: [state(d, "aws:ec2/internetGateway:InternetGateway", `${v}-igw`)] }) },
    { fault: "the brokers' subnet routed to the internet gateway", policies: ["data-stores-in-private-subnets", "ecs-service-private"],
        inject: d => {
            remove(d, "aws:ec2/route:Route", `${v}-private-1-default`);
            return add(d, "aws:ec2/route:Route", "private-leak", { destinationCidrBlock: "0.0.0.0/0" }, {
                routeTableId: [state(d, "aws:ec2/routeTable:RouteTable", `${v}-private-1`)],
                gatewayId: [state(d, "aws:ec2/internetGateway:InternetGateway", `${v}-igw`)] });
        } },
    { fault: "a Kafka cluster without protect", policies: ["stateful-resources-protected"],
        inject: d => {
            d.steps.filter(step => step.newState!.urn.endsWith(`::${v}-kafka-cluster`)).forEach(step => { step.newState!.protect = false; });
            return d;
        } },
];

describe("the kafka-proxy variant stack", () => {
    it("has no mandatory violation: Kafka, the proxy, the tuned parameters and the ACL pass every policy", async () => {
        const mandatory = (await pack.run(JSON.parse(JSON.stringify(variant.plan)), {})).filter(d => d.level === "mandatory");
        assert.deepEqual(mandatory.map(d => `${d.policy}: ${d.message}`), []);
    });

    it("has no mandatory violation in preview, where only deferrals stay undecided", async () => {
        const diagnostics = await pack.run(JSON.parse(JSON.stringify(variant.preview)), {});
        assert.deepEqual(diagnostics.filter(d => d.level === "mandatory").map(d => d.policy), []);
        assert.equal(diagnostics.filter(d => d.message.startsWith("can't run policy")).length, 0,
            "no policy fell back to the SDK's silent preview advisory");
    });

    for (const fault of VARIANT_FAULTS) {
        it(`rejects ${fault.fault} (${fault.policies.join(", ")})`, async () => {
            const diagnostics = await pack.run(fault.inject(JSON.parse(JSON.stringify(variant.plan)), "kafka-proxy"), {});
            const mandatory = [...new Set(diagnostics.filter(d => d.level === "mandatory").map(d => d.policy))].sort();
            assert.deepEqual(mandatory, [...fault.policies].sort());
        });
    }
});
