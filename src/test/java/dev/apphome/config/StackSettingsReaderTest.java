package dev.apphome.config;

import dev.apphome.Stores;
import dev.apphome.cache.CacheEngine;
import dev.apphome.database.DatabaseDeployment;
import dev.apphome.database.DatabaseEngine;
import dev.apphome.loadbalancer.Certificate;
import dev.apphome.network.NatGateways;
import dev.apphome.network.NatInstanceType;
import dev.apphome.secrets.SecretSource;
import dev.apphome.service.CpuArchitecture;
import dev.apphome.service.ServiceKind;
import dev.apphome.service.ServiceSettings;
import dev.apphome.storage.BucketAccess;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackSettingsReaderTest {

    private static List<String> problems(String yaml) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void devStackIsSmallAndUnprotected() {
        var dev = Stacks.committed("dev");

        assertEquals(2, dev.network().availabilityZones());
        assertEquals(NatGateways.INSTANCE, dev.network().natGateways());
        assertEquals(NatInstanceType.T4G_NANO, dev.network().natInstanceType());
        assertEquals(List.of("api", "catalog", "worker"), dev.services().stream().map(s -> s.name()).toList());
        assertEquals(List.of("web", "internal", "worker"), dev.services().stream().map(s -> s.kind().label()).toList());
        assertEquals(1, dev.services().get(0).desiredCount());
        assertEquals(3, dev.cluster().spotWeight());
        var db = dev.single(Stores.DATABASE).orElseThrow();
        assertEquals("db.t4g.micro", db.instanceClass());
        assertFalse(db.deployment().multiAz());
        assertFalse(db.deletionProtection());
        assertEquals(1, db.backupRetentionDays());
        assertEquals(0, dev.single(Stores.CACHE).orElseThrow().replicas());
        assertEquals(new Certificate.PlainHttp(true), dev.loadBalancer().orElseThrow().certificate());
        assertFalse(dev.protectResources());
        assertEquals(14, dev.logRetentionDays().days());
    }

    @Test
    void prodStackIsHighlyAvailableAndProtected() {
        var prod = Stacks.committed("prod");

        assertEquals(3, prod.network().availabilityZones());
        assertEquals(NatGateways.ONE_PER_AZ, prod.network().natGateways());
        var api = prod.services().get(0);
        assertEquals(3, api.desiredCount());
        assertEquals(3, api.minCount());
        assertEquals(12, api.maxCount());
        assertEquals(1000, api.scaling().requestsPerTarget());
        assertEquals(Map.of("media", BucketAccess.READ_WRITE), api.uses().named("buckets"));
        var db = prod.single(Stores.DATABASE).orElseThrow();
        assertEquals(DatabaseEngine.POSTGRES, db.engine());
        assertEquals(new DatabaseDeployment.Instance(100, 500, true), db.deployment());
        assertTrue(db.deletionProtection());
        assertEquals(14, db.backupRetentionDays());
        assertEquals("postgres16", db.parameterGroupFamily());
        var cache = prod.single(Stores.CACHE).orElseThrow();
        assertEquals(CacheEngine.VALKEY, cache.engine());
        assertEquals(1, cache.replicas());
        assertTrue(cache.multiAz());
        assertEquals(new Certificate.DnsValidated("app.example.com", "Z0123456789EXAMPLE"),
                prod.loadBalancer().orElseThrow().certificate());
        assertEquals(List.of("oncall@example.com"), prod.alerts().emails());
        assertTrue(prod.protectResources());
    }

    @Test
    void bothCommittedStacksDescribeTheSameApplication() {
        var dev = Stacks.committed("dev");
        var prod = Stacks.committed("prod");

        assertEquals(dev.services().stream().map(StackSettingsReaderTest::shape).toList(),
                prod.services().stream().map(StackSettingsReaderTest::shape).toList());
        assertEquals(dev.named(Stores.BUCKETS).keySet(), prod.named(Stores.BUCKETS).keySet());
        assertEquals(dev.secrets(), prod.secrets());
    }

    /** What a service is, apart from its size: the same in every environment. */
    private static String shape(ServiceSettings s) {
        return s.name() + ":" + s.kind().label() + ":" + s.image() + ":" + s.port() + ":" + s.calls() + ":"
                + s.uses().grants().stream().map(g -> g.kind() + "/" + g.store() + "=" + g.access()).toList();
    }

    @Test
    void minimalStackGetsTheDocumentedDefaults() {
        var settings = Stacks.parse(Stacks.MINIMAL);

        assertEquals("10.0.0.0/16", settings.network().cidr());
        assertEquals(2, settings.network().availabilityZones());
        assertEquals(NatGateways.SINGLE, settings.network().natGateways());
        var web = settings.services().get(0);
        assertEquals(256, web.cpu());
        assertEquals(512, web.memory());
        assertEquals(CpuArchitecture.X86_64, web.architecture());
        assertEquals("/health", web.healthCheck().probePath());
        assertEquals(30, web.healthCheck().intervalSeconds());
        assertEquals(70, web.scaling().cpuTarget());
        assertEquals(true, settings.loadBalancer().orElseThrow().deletionProtection());
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", settings.loadBalancer().orElseThrow().sslPolicy());
        assertTrue(settings.protectResources());
        assertEquals(30, settings.logRetentionDays().days());
        assertTrue(settings.single(Stores.DATABASE).isEmpty());
    }

    @Test
    void reportsEveryProblemOfAFileInOneRun() {
        var found = problems("""
                config:
                  aws:region: eu-west-1
                  apphome:servces: {}
                  apphome:network:
                    availabilityZones: two
                    natGateway: single
                  apphome:cluster:
                    spotWeight: 2
                  apphome:loadBalancer:
                    plainHttp: true
                  apphome:services:
                    api:
                      kind: web
                      image: example/api:1
                      port: 8080
                      cpu: 256
                      memroy: 4096
                      architecture: arm64
                      routing: {priority: 5}
                      secrets:
                        STRIPE_KEY: stripeKey
                    jobs:
                      kind: worker
                      image: example/jobs:1
                      memory: 4096
                      environment:
                        DB_PASSWORD: hunter2
                  apphome:secrets:
                    stripeKey:
                      source: stack
                """);

        assertEquals(List.of(
                "Pulumi.test.yaml: apphome:servces: unknown key; did you mean 'services'?; allowed keys: "
                        + String.join(", ", StackSettingsReader.keys(Stores.ALL)) + ", stripeKey",
                "Pulumi.test.yaml: apphome:stripeKey: secret is declared in apphome:secrets but has no value; run: "
                        + "pulumi config set --secret --stack test stripeKey '<value>'",
                "Pulumi.test.yaml: apphome:network.availabilityZones: expected a whole number from 2 to 6, found 'two'",
                "Pulumi.test.yaml: apphome:network.natGateway: unknown key; did you mean 'natGateways'?; allowed keys here: "
                        + "cidr, availabilityZones, zoneSlots, natGateways, natInstanceType, subnetPrefixes, interfaceEndpoints, isolatedAcl, "
                        + "flowLogRetentionDays",
                "Pulumi.test.yaml: apphome:services.api.memroy: unknown key; did you mean 'memory'?; allowed keys here: "
                        + "kind, image, port, cpu, memory, architecture, desiredCount, minCount, maxCount, scaling, "
                        + "environment, secrets, healthCheck, routing, calls, uses, command, readOnlyRootFilesystem, "
                        + "capacity, tracing, metrics",
                "Pulumi.test.yaml: apphome:services.jobs.memory: cpu 256 with memory 4096 is not a Fargate size; allowed "
                        + "with cpu 256: [512, 1024, 2048] (cpu one of [256, 512, 1024, 2048, 4096, 8192, 16384])",
                "Pulumi.test.yaml: apphome:services.jobs.environment.DB_PASSWORD: looks like a secret in a plain "
                        + "environment variable; move it to apphome:secrets and reference it under the service's secrets "
                        + "(values in environment are visible to anyone who can describe the task definition)",
                // Rules across concerns come last, once every concern has been read.
                "Pulumi.test.yaml: apphome:services.api.architecture: arm64 cannot run on FARGATE_SPOT, and "
                        + "cluster.spotWeight is 2; allowed: x86_64, or spotWeight: 0"),
                found);
    }

    @Test
    void aStackSecretWithAPlainValueIsRefusedWithoutShowingIt() {
        var found = problems(Stacks.MINIMAL + """
                  apphome:stripeKey: sk_live_not_for_printing
                  apphome:secrets:
                    stripeKey: {source: stack}
                """);

        assertEquals(List.of("Pulumi.test.yaml: apphome:stripeKey: holds a plain value, but it is a secret; set it with "
                + "pulumi config set --secret --stack test stripeKey '<value>' so that it is stored encrypted"), found);
        assertFalse(found.get(0).contains("sk_live"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "unknown namespace|  apphom:network: {}|Pulumi.test.yaml: apphom:network: unknown namespace 'apphom'; did you mean 'apphome'?; this program reads apphome:*, aws:* and pulumi:*",
            "vpc too small|  apphome:network: {cidr: 10.0.0.0/19}|Pulumi.test.yaml: apphome:network.cidr: needs 9216 addresses for 2 AZs × 3 tiers (public /24, private /20, isolated /24) but 10.0.0.0/19 has 8192; allowed: a larger VPC range or smaller subnets",
            "no egress at all|  apphome:network: {natGateways: none}|Pulumi.test.yaml: apphome:network.natGateways: is none while interfaceEndpoints is false: tasks could not pull images, read secrets or write logs; allowed: natGateways single, onePerAz or instance, or interfaceEndpoints: true",
            "misspelled enum|  apphome:network: {natGateways: onePerAZ}|Pulumi.test.yaml: apphome:network.natGateways: found 'onePerAZ'; allowed: one of none, single, onePerAz, instance; did you mean 'onePerAz'?",
            "nat instance type without a nat instance|  apphome:network: {natGateways: single, natInstanceType: t4g.micro}|Pulumi.test.yaml: apphome:network.natInstanceType: is t4g.micro while natGateways is single, which makes no NAT instance; allowed: natInstanceType only with natGateways: instance (remove it, or set natGateways: instance)",
            "nat instance type by default strategy|  apphome:network: {natInstanceType: t3.nano}|Pulumi.test.yaml: apphome:network.natInstanceType: is t3.nano while natGateways is single, which makes no NAT instance; allowed: natInstanceType only with natGateways: instance (remove it, or set natGateways: instance)",
            "unknown nat instance type|  apphome:network: {natGateways: instance, natInstanceType: t4g.large}|Pulumi.test.yaml: apphome:network.natInstanceType: found 't4g.large'; allowed: one of t4g.nano, t4g.micro, t4g.small, t3.nano, t3.micro, t3.small",
            "log retention|  apphome:logRetentionDays: 45|Pulumi.test.yaml: apphome:logRetentionDays: found '45'; allowed: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (the retention periods CloudWatch Logs accepts)",
            "aurora too small|  apphome:database: {engine: postgres, deployment: aurora, instanceClass: db.t4g.micro}|Pulumi.test.yaml: apphome:database.instanceClass: found 'db.t4g.micro', which Aurora does not offer; allowed: db.t4g.medium or larger",
            "aurora multi-az without reader|  apphome:database: {engine: mysql, deployment: aurora, instanceClass: db.r6g.large, multiAz: true}|Pulumi.test.yaml: apphome:database.multiAz: is true for an Aurora cluster with readers: 0; allowed: readers ≥ 1 (an Aurora cluster fails over to a reader)",
            "queue dead letters kept shorter|  apphome:queues: {jobs: {retentionDays: 7, deadLetterRetentionDays: 3}}|Pulumi.test.yaml: apphome:queues.jobs.deadLetterRetentionDays: found 3, shorter than retentionDays 7; allowed: at least retentionDays (SQS keeps a message's original age, so a shorter dead-letter retention deletes it on arrival)",
            "aurora mysql short version|  apphome:database: {engine: mysql, deployment: aurora, engineVersion: '8.0', instanceClass: db.r6g.large}|Pulumi.test.yaml: apphome:database.engineVersion: found '8.0', which Aurora MySQL does not accept; allowed: a full Aurora version such as 8.0.mysql_aurora.3.08.0",
            "cache failover without replica|  apphome:cache: {nodeType: cache.t4g.micro, multiAz: true}|Pulumi.test.yaml: apphome:cache.multiAz: is true with replicas: 0; allowed: replicas ≥ 1 (failover needs a replica in another AZ)",
            "aws typo|  aws:regoin: eu-west-1|Pulumi.test.yaml: aws:regoin: unknown key of the AWS provider; did you mean 'region'?; see the provider's configuration reference",
    })
    void rejectsOneBadValueWithAnExactMessage(String label, String line, String expected) {
        var found = problems(Stacks.MINIMAL + line + "\n");

        assertTrue(found.contains(expected), () -> "expected " + expected + "\n in " + found);
    }

    @Test
    void queueScalingNeedsAQueueTheServiceConsumes() {
        var found = problems(Stacks.MINIMAL + """
                    jobs-worker: {kind: worker, image: 'app:1', minCount: 0, maxCount: 2, scaling: {queue: jobs},
                        uses: {queues: {jobs: produce}}}
                  apphome:queues: {jobs: {}}
                """);

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.jobs-worker.scaling.queue: names 'jobs', which the service does "
                + "not consume; allowed: a queue under uses.queues with consume or both"), found);
    }

    @Test
    void onlyAQueueWorkerMayRestAtZeroTasks() {
        var found = problems(Stacks.MINIMAL.replace("port: 8080", "port: 8080\n      desiredCount: 0\n      minCount: 0"));

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.web.minCount: is 0 for a web service without queue "
                + "scaling, so nothing would start a task again; allowed: 1 or more, or scaling.queue on a worker"), found);
    }

    @Test
    void aServiceUsingUndeclaredStoresNamesWhatIsDeclared() {
        var found = problems("""
                config:
                  aws:region: eu-west-1
                  apphome:loadBalancer: {plainHttp: true}
                  apphome:buckets:
                    media: {}
                  apphome:services:
                    web:
                      kind: web
                      image: nginx:1.27
                      port: 8080
                      routing: {priority: 10}
                      calls: [wrker]
                      uses:
                        database: true
                        buckets: {medai: read}
                        queues: {jobs: consume}
                    worker:
                      kind: worker
                      image: nginx:1.27
                """);

        assertEquals(List.of(
                "Pulumi.test.yaml: apphome:services.web.uses.database: is true but the stack declares no apphome:database; "
                        + "allowed: false, or declare the database",
                "Pulumi.test.yaml: apphome:services.web.uses.buckets.medai: names bucket 'medai', which apphome:buckets "
                        + "does not declare; did you mean 'media'?; declared: media",
                "Pulumi.test.yaml: apphome:services.web.uses.queues.jobs: names queue 'jobs', which apphome:queues "
                        + "does not declare; declared: none",
                "Pulumi.test.yaml: apphome:services.web.calls: names 'wrker', which is not a service of this stack; "
                        + "did you mean 'worker'?"), found);
    }

    @Test
    void aWebServiceNeedsACertificateUnlessPlainHttpIsSpelledOut() {
        var found = problems("""
                config:
                  aws:region: eu-west-1
                  apphome:services:
                    web: {kind: web, image: nginx:1.27, port: 8080, routing: {priority: 10}}
                """);

        assertEquals(List.of("Pulumi.test.yaml: apphome:loadBalancer.certificateArn: is required: set certificateArn "
                + "(an existing ACM certificate), or domain and hostedZoneId (a DNS-validated one), or plainHttp: true "
                + "to serve plain HTTP without TLS (development only)"), found);
    }

    @Test
    void stackSecretsAreDeclaredWithoutValues() {
        var settings = Stacks.parse(Stacks.MINIMAL.replace("port: 8080", "port: 8080\n      secrets: {API_TOKEN: apiToken}") + """
                  apphome:apiToken:
                    secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB
                  apphome:secrets:
                    apiToken: {source: stack}
                """);

        assertEquals(new SecretSource.Stack(), settings.secrets().get(0).source());
        assertEquals(Map.of("API_TOKEN", "apiToken"), settings.services().get(0).secrets());
    }
}
