package dev.apphome.cost;

import dev.apphome.cost.Costs.Fixed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fixed line of a stack's estimate against a hand computation from the price table, one
 * stack per region and the committed ones: dev and prod (eu-west-1), aurora-postgres (us-east-1),
 * aurora-mysql (sa-east-1), no-nat (eu-west-1, interface endpoints). The unit prices are copied
 * from src/main/resources/prices/aws-prices.json; quantities are worked out from the stack files.
 * What the figures cannot prove: that AWS bills these exact list prices to a given account.
 */
class StackCostsTest {

    private static List<Fixed> alarms(String prefix, String... names) {
        List<Fixed> lines = new ArrayList<>();
        for (String name : names) {
            lines.add(new Fixed(prefix + name, "standard-resolution alarm", "1", "0.10", "0.10"));
        }
        return lines;
    }

    /** A metric-math alarm: one alarm metric per metric it reads. */
    private static Fixed mathAlarm(String name, int metrics) {
        return new Fixed(name, "standard-resolution alarm on " + metrics + " metrics", String.valueOf(metrics), "0.10",
                new BigDecimal("0.10").multiply(BigDecimal.valueOf(metrics)).toPlainString());
    }

    private static void assertLines(List<Fixed> expected, Estimate actual) {
        List<Fixed> lines = Costs.fixedLines(actual);
        assertEquals(expected.size(), lines.size(), () -> "lines: " + String.join("\n", lines.stream().map(Fixed::toString).toList()));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), lines.get(i), "line " + (i + 1));
        }
    }

    @Test
    void devInEuWest1CostsItsHandComputedLines() {
        var e = Costs.ofStack("dev");
        List<Fixed> expected = new ArrayList<>();
        expected.add(new Fixed("apphome-dev-alerts-dashboard", "dashboard", "1", "3", "3"));
        expected.addAll(alarms("apphome-dev-alerts-", "api-5xx", "api-cpu", "api-memory", "api-p95", "api-p99", "api-unhealthy",
                "cache-cpu", "cache-memory", "catalog-cpu", "catalog-memory", "db-connections", "db-cpu", "db-storage", "jobs-age",
                "jobs-dead-letters", "nat-instance-recover", "worker-cpu", "worker-memory"));
        expected.addAll(List.of(
                // one Valkey cache.t4g.micro node: 730 h × 0.0136
                new Fixed("apphome-dev-cache-group", "1 × cache.t4g.micro (Valkey)", "730", "0.0136", "9.928"),
                new Fixed("apphome-dev-cache-auth-token", "secret", "1", "0.40", "0.40"),
                // PostgreSQL db.t4g.micro single-AZ: 730 × 0.017; 20 GB gp3 × 0.127; the RDS-managed master secret
                new Fixed("apphome-dev-db-instance", "RDS PostgreSQL db.t4g.micro, single-AZ", "730", "0.017", "12.41"),
                new Fixed("apphome-dev-db-instance", "gp3 storage: 20 GB", "20", "0.127", "2.54"),
                new Fixed("apphome-dev-db-instance", "Secrets Manager secret of the master password (kept by RDS)", "1", "0.40", "0.40"),
                new Fixed("apphome-dev-key-key", "customer managed key", "1", "1", "1"),
                // ALB: 730 × 0.0252; internet-facing in 2 public subnets: 2 × 730 × 0.005
                new Fixed("apphome-dev-alb", "Application Load Balancer", "730", "0.0252", "18.396"),
                new Fixed("apphome-dev-alb", "public IPv4 addresses, one per AZ (2)", "1460", "0.005", "7.30"),
                // WAF: one ACL, three managed rule groups and a rate rule
                new Fixed("apphome-dev-alb-waf", "web ACL", "1", "5", "5"),
                new Fixed("apphome-dev-alb-waf", "rules: 4 (a managed rule group counts as one)", "4", "1", "4"),
                // the NAT instance (natGateways: instance): t4g.nano 730 × 0.0046, an 8 GB gp3 root 8 × 0.088,
                // and its public IPv4 address 730 × 0.005
                new Fixed("apphome-dev-nat-instance", "EC2 t4g.nano (Linux, on demand)", "730", "0.0046", "3.358"),
                new Fixed("apphome-dev-nat-instance", "gp3 root volume: 8 GB", "8", "0.088", "0.704"),
                new Fixed("apphome-dev-nat-instance", "public IPv4 address", "730", "0.005", "3.65"),
                new Fixed("apphome-dev-secrets-jwtSigningKey", "secret", "1", "0.40", "0.40")));
        // api and catalog: 1 task of 0.25 vCPU / 0.5 GB, strategy FARGATE weight 1, FARGATE_SPOT weight 3, base 0:
        // 0.25 task on demand, 0.75 on Spot at 0.3 × on-demand (0.04048 × 0.3 = 0.012144; 0.004445 × 0.3 = 0.0013335).
        for (String service : List.of("api", "catalog")) {
            String name = "apphome-dev-" + service + "-service";
            expected.addAll(List.of(
                    new Fixed(name, "Fargate x86_64 vCPU, on demand: 0.25 tasks × 0.25 vCPU", "45.625", "0.04048", "1.8469"),
                    new Fixed(name, "Fargate x86_64 memory, on demand: 0.25 tasks × 0.5 GB", "91.25", "0.004445", "0.40560625"),
                    new Fixed(name, "Fargate x86_64 vCPU, Spot: 0.75 tasks × 0.25 vCPU", "136.875", "0.012144", "1.66221"),
                    new Fixed(name, "Fargate x86_64 memory, Spot: 0.75 tasks × 0.5 GB", "273.75", "0.0013335", "0.365045625")));
        }
        // the worker's backlog alarm reads visible and in-flight messages
        expected.add(mathAlarm("apphome-dev-worker-queue-backlog", 2));
        // the worker rests at zero tasks
        expected.addAll(List.of(
                new Fixed("apphome-dev-worker-service", "Fargate x86_64 vCPU, on demand: 0 tasks × 0.25 vCPU", "0", "0.04048", "0"),
                new Fixed("apphome-dev-worker-service", "Fargate x86_64 memory, on demand: 0 tasks × 0.5 GB", "0", "0.004445", "0"),
                new Fixed("apphome-dev-worker-service", "Fargate x86_64 vCPU, Spot: 0 tasks × 0.25 vCPU", "0", "0.012144", "0"),
                new Fixed("apphome-dev-worker-service", "Fargate x86_64 memory, Spot: 0 tasks × 0.5 GB", "0", "0.0013335", "0")));

        assertLines(expected, e);
        // 3 + 20 alarm metrics × 0.10 + 9.928 + 0.4 + 15.35 + 1 + 25.696 + 9 + 7.712 + 0.4 + 2 × 4.27975 = 83.04552375
        // (113.92352375 with the NAT gateway: its 38.69 replaced by the instance's 7.712 and one more alarm)
        assertEquals(0, new BigDecimal("83.04552375").compareTo(e.fixed()));
        assertEquals("eu-west-1", e.region());
    }

    @Test
    void prodInEuWest1CostsItsHandComputedLines() {
        var e = Costs.ofStack("prod");
        List<Fixed> expected = new ArrayList<>();
        expected.add(new Fixed("apphome-prod-alerts-dashboard", "dashboard", "1", "3", "3"));
        expected.addAll(alarms("apphome-prod-alerts-", "api-5xx", "api-cpu", "api-memory", "api-p95", "api-p99", "api-unhealthy"));
        // the cache alarms take the worst of the two nodes: two metrics each
        expected.add(mathAlarm("apphome-prod-alerts-cache-cpu", 2));
        expected.add(mathAlarm("apphome-prod-alerts-cache-memory", 2));
        expected.addAll(alarms("apphome-prod-alerts-", "catalog-cpu", "catalog-memory", "db-connections", "db-cpu", "db-storage",
                "jobs-age", "jobs-dead-letters", "worker-cpu", "worker-memory"));
        expected.addAll(List.of(
                // a primary and a replica cache.t4g.small (Valkey): 2 × 730 × 0.0272
                new Fixed("apphome-prod-cache-group", "2 × cache.t4g.small (Valkey)", "1460", "0.0272", "39.712"),
                new Fixed("apphome-prod-cache-auth-token", "secret", "1", "0.40", "0.40"),
                // Multi-AZ PostgreSQL db.t4g.medium: 730 × 0.14; 100 GB Multi-AZ gp3 × 0.254
                new Fixed("apphome-prod-db-instance", "RDS PostgreSQL db.t4g.medium, Multi-AZ (with a standby)", "730", "0.14", "102.2"),
                new Fixed("apphome-prod-db-instance", "gp3 storage: 100 GB, Multi-AZ", "100", "0.254", "25.4"),
                new Fixed("apphome-prod-db-instance", "Secrets Manager secret of the master password (kept by RDS)", "1", "0.40", "0.40"),
                new Fixed("apphome-prod-key-key", "customer managed key", "1", "1", "1"),
                new Fixed("apphome-prod-alb", "Application Load Balancer", "730", "0.0252", "18.396"),
                // three public subnets: 3 × 730 × 0.005
                new Fixed("apphome-prod-alb", "public IPv4 addresses, one per AZ (3)", "2190", "0.005", "10.95"),
                new Fixed("apphome-prod-alb-waf", "web ACL", "1", "5", "5"),
                new Fixed("apphome-prod-alb-waf", "rules: 4 (a managed rule group counts as one)", "4", "1", "4")));
        for (int nat = 1; nat <= 3; nat++) {
            expected.add(new Fixed("apphome-prod-nat-" + nat, "NAT gateway", "730", "0.048", "35.04"));
            expected.add(new Fixed("apphome-prod-nat-" + nat, "public IPv4 address", "730", "0.005", "3.65"));
        }
        expected.add(new Fixed("apphome-prod-secrets-jwtSigningKey", "secret", "1", "0.40", "0.40"));
        // base 2 on FARGATE, weight 1, no Spot: every task on demand
        expected.addAll(List.of(
                new Fixed("apphome-prod-api-service", "Fargate x86_64 vCPU, on demand: 3 tasks × 1 vCPU", "2190", "0.04048", "88.6512"),
                new Fixed("apphome-prod-api-service", "Fargate x86_64 memory, on demand: 3 tasks × 2 GB", "4380", "0.004445", "19.4691"),
                new Fixed("apphome-prod-catalog-service", "Fargate x86_64 vCPU, on demand: 2 tasks × 0.5 vCPU", "730", "0.04048", "29.5504"),
                new Fixed("apphome-prod-catalog-service", "Fargate x86_64 memory, on demand: 2 tasks × 1 GB", "1460", "0.004445", "6.4897")));
        expected.add(mathAlarm("apphome-prod-worker-queue-backlog", 2));
        expected.addAll(List.of(
                new Fixed("apphome-prod-worker-service", "Fargate x86_64 vCPU, on demand: 1 task × 0.5 vCPU", "365", "0.04048", "14.7752"),
                new Fixed("apphome-prod-worker-service", "Fargate x86_64 memory, on demand: 1 task × 1 GB", "730", "0.004445", "3.24485")));

        assertLines(expected, e);
        // 21 alarm metrics; the rest as dev's arithmetic with prod's sizes
        assertEquals(0, new BigDecimal("491.20845").compareTo(e.fixed()));
    }

    @Test
    void auroraPostgresInUsEast1CostsItsHandComputedLines() {
        var e = Costs.ofStack("aurora-postgres");
        List<Fixed> expected = new ArrayList<>();
        expected.add(new Fixed("apphome-aurora-postgres-alerts-dashboard", "dashboard", "1", "3", "3"));
        expected.addAll(alarms("apphome-aurora-postgres-alerts-", "api-5xx", "api-cpu", "api-memory", "api-p95", "api-p99",
                "api-unhealthy", "db-connections", "db-cpu"));
        expected.add(new Fixed("apphome-aurora-postgres-db-cluster", "Secrets Manager secret of the master password (kept by RDS)",
                "1", "0.40", "0.40"));
        // a writer and two readers, db.r6g.large Aurora PostgreSQL: 730 × 0.26 each
        for (String instance : List.of("reader-1", "reader-2", "writer")) {
            expected.add(new Fixed("apphome-aurora-postgres-db-" + instance, "Aurora PostgreSQL db.r6g.large", "730", "0.26", "189.8"));
        }
        expected.addAll(List.of(
                new Fixed("apphome-aurora-postgres-key-key", "customer managed key", "1", "1", "1"),
                new Fixed("apphome-aurora-post-0043", "Application Load Balancer", "730", "0.0225", "16.425"),
                new Fixed("apphome-aurora-post-0043", "public IPv4 addresses, one per AZ (3)", "2190", "0.005", "10.95"),
                new Fixed("apphome-aurora-postgres-alb-waf", "web ACL", "1", "5", "5"),
                new Fixed("apphome-aurora-postgres-alb-waf", "rules: 4 (a managed rule group counts as one)", "4", "1", "4")));
        for (int nat = 1; nat <= 3; nat++) {
            expected.add(new Fixed("apphome-aurora-postgres-nat-" + nat, "NAT gateway", "730", "0.045", "32.85"));
            expected.add(new Fixed("apphome-aurora-postgres-nat-" + nat, "public IPv4 address", "730", "0.005", "3.65"));
        }
        // two arm64 tasks of 0.5 vCPU / 1 GB, on demand: 2 × 0.5 × 730 × 0.03238; 2 × 1 × 730 × 0.00356
        expected.add(new Fixed("apphome-aurora-postgres-api-service", "Fargate ARM64 vCPU, on demand: 2 tasks × 0.5 vCPU",
                "730", "0.03238", "23.6374"));
        expected.add(new Fixed("apphome-aurora-postgres-api-service", "Fargate ARM64 memory, on demand: 2 tasks × 1 GB",
                "1460", "0.00356", "5.1976"));

        assertLines(expected, e);
        assertEquals(0, new BigDecimal("749.31").compareTo(e.fixed()));
        assertEquals("us-east-1", e.region());
    }

    @Test
    void auroraMysqlInSaEast1CostsItsHandComputedLines() {
        var e = Costs.ofStack("aurora-mysql");
        List<Fixed> expected = List.of(
                new Fixed("apphome-aurora-mysql-alerts-dashboard", "dashboard", "1", "3", "3"),
                // ten alarms at the sa-east-1 standard-resolution rate (0.10, assumed the same as every region read);
                // the two cache alarms read one metric per node of the three-node group
                new Fixed("apphome-aurora-mysql-alerts-api-5xx", "standard-resolution alarm", "1", "0.1", "0.1"),
                new Fixed("apphome-aurora-mysql-alerts-api-cpu", "standard-resolution alarm", "1", "0.1", "0.1"),
                new Fixed("apphome-aurora-mysql-alerts-api-memory", "standard-resolution alarm", "1", "0.1", "0.1"),
                new Fixed("apphome-aurora-mysql-alerts-api-p95", "standard-resolution alarm", "1", "0.1", "0.1"),
                new Fixed("apphome-aurora-mysql-alerts-api-p99", "standard-resolution alarm", "1", "0.1", "0.1"),
                new Fixed("apphome-aurora-mysql-alerts-api-unhealthy", "standard-resolution alarm", "1", "0.1", "0.1"),
                new Fixed("apphome-aurora-mysql-alerts-cache-cpu", "standard-resolution alarm on 3 metrics", "3", "0.1", "0.3"),
                new Fixed("apphome-aurora-mysql-alerts-cache-memory", "standard-resolution alarm on 3 metrics", "3", "0.1", "0.3"),
                new Fixed("apphome-aurora-mysql-alerts-db-connections", "standard-resolution alarm", "1", "0.1", "0.1"),
                new Fixed("apphome-aurora-mysql-alerts-db-cpu", "standard-resolution alarm", "1", "0.1", "0.1"),
                // three Redis OSS cache.r6g.large nodes (a primary and two replicas): 3 × 730 × 0.41
                new Fixed("apphome-aurora-mysql-cache-group", "3 × cache.r6g.large (Redis OSS)", "2190", "0.41", "897.9"),
                new Fixed("apphome-aurora-mysql-cache-auth-token", "secret", "1", "0.40", "0.40"),
                new Fixed("apphome-aurora-mysql-db-cluster", "Secrets Manager secret of the master password (kept by RDS)", "1", "0.40", "0.40"),
                // a writer and one reader, Aurora MySQL db.r6g.large in São Paulo: 730 × 0.537
                new Fixed("apphome-aurora-mysql-db-reader-1", "Aurora MySQL db.r6g.large", "730", "0.537", "392.01"),
                new Fixed("apphome-aurora-mysql-db-writer", "Aurora MySQL db.r6g.large", "730", "0.537", "392.01"),
                new Fixed("apphome-aurora-mysql-key-key", "customer managed key", "1", "1", "1"),
                new Fixed("apphome-aurora-mysql-alb", "Application Load Balancer", "730", "0.034", "24.82"),
                new Fixed("apphome-aurora-mysql-alb", "public IPv4 addresses, one per AZ (3)", "2190", "0.005", "10.95"),
                new Fixed("apphome-aurora-mysql-alb-waf", "web ACL", "1", "5", "5"),
                new Fixed("apphome-aurora-mysql-alb-waf", "rules: 4 (a managed rule group counts as one)", "4", "1", "4"),
                new Fixed("apphome-aurora-mysql-nat-1", "NAT gateway", "730", "0.093", "67.89"),
                new Fixed("apphome-aurora-mysql-nat-1", "public IPv4 address", "730", "0.005", "3.65"),
                // one task of 0.25 vCPU / 0.5 GB at the São Paulo rates: 182.5 × 0.0696; 365 × 0.0076
                new Fixed("apphome-aurora-mysql-api-service", "Fargate x86_64 vCPU, on demand: 1 task × 0.25 vCPU", "182.5", "0.0696", "12.702"),
                new Fixed("apphome-aurora-mysql-api-service", "Fargate x86_64 memory, on demand: 1 task × 0.5 GB", "365", "0.0076", "2.774"));

        assertLines(expected, e);
        // 1818.506 before the alarms were priced, plus 8 × 0.1 + 2 × 0.3
        assertEquals(0, new BigDecimal("1819.906").compareTo(e.fixed()));
        assertEquals(List.of(), e.unpriced().stream().filter(l -> l.resource().type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")).toList());
    }

    @Test
    void noNatPricesEachInterfaceEndpointPerAz() {
        var e = Costs.ofStack("no-nat");
        var endpoints = Costs.fixedLines(e).stream().filter(l -> l.item().startsWith("interface endpoint")).toList();

        // ECR API, ECR Docker, Logs, Secrets Manager and SQS endpoints in 2 private subnets: 2 × 730 × 0.011 each
        assertEquals(List.of(
                new Fixed("apphome-no-nat-ecr-api", "interface endpoint in 2 AZs", "1460", "0.011", "16.06"),
                new Fixed("apphome-no-nat-ecr-dkr", "interface endpoint in 2 AZs", "1460", "0.011", "16.06"),
                new Fixed("apphome-no-nat-logs", "interface endpoint in 2 AZs", "1460", "0.011", "16.06"),
                new Fixed("apphome-no-nat-secretsmanager", "interface endpoint in 2 AZs", "1460", "0.011", "16.06"),
                new Fixed("apphome-no-nat-sqs", "interface endpoint in 2 AZs", "1460", "0.011", "16.06")), endpoints);
        assertEquals("gateway endpoints (S3, DynamoDB) are free", Costs.freeReason(e, "apphome-no-nat-s3"));
        // 5 × 16.06 + dashboard 3 + 6 alarm metrics × 0.10 + key 1 + the idle worker 0
        assertEquals(0, new BigDecimal("84.9").compareTo(e.fixed()));
    }

    @Test
    void edgePricesCloudFrontsWebAclsInUsEast1AndLeavesItsTrafficToUsage() {
        var e = Costs.ofStack("edge");
        var acls = e.resources().stream().filter(p -> p.resource().type().equals("aws:wafv2/webAcl:WebAcl")).toList();

        // three CloudFront-scoped web ACLs, made by the us-east-1 provider, at us-east-1's WAF prices; the ALB's own in eu-west-1
        assertEquals(List.of("us-east-1", "us-east-1", "us-east-1"), acls.stream().map(Estimate.Priced::region).filter(r -> r != null).toList());
        assertEquals(List.of(new Fixed("apphome-edge-cdn-api-waf", "web ACL", "1", "5", "5"),
                new Fixed("apphome-edge-cdn-api-waf", "rules: 4 (a managed rule group counts as one)", "4", "1", "4")),
                Costs.fixedLines(e).stream().filter(l -> l.resource().equals("apphome-edge-cdn-api-waf")).toList());
        // PriceClass_100: data out and HTTPS requests from North America and Europe, per GB and per 10,000, all usage
        var site = Costs.lines(e, "apphome-edge-cdn-site-distribution");
        assertEquals(List.of("data out, North America edges", "HTTPS requests, North America edges", "data out, Europe edges",
                "HTTPS requests, Europe edges"), site.stream().map(Line::item).toList());
        assertEquals(List.of(true, true, true, true), site.stream().map(Line::usage).toList());
        assertEquals("one of the 2 free budgets of an account (taking the account to have no others)",
                Costs.freeReason(e, "apphome-edge-budget"));
        assertEquals("the first trail's copy of management events is free (taking it to be the account's first trail)",
                Costs.freeReason(e, "apphome-edge-audit-trail"));
        assertEquals("billed per monthly active user (after a free tier); the price table has no Cognito prices",
                Costs.unpricedReason(e, "apphome-edge-user-pool-pool"));
        // 3 + 12 alarms × 0.10 + 4 web ACLs × (5 + 4) + key 1 + ALB 25.696 + NAT 38.69 + 2 tasks × 9.010025
        assertEquals(0, new BigDecimal("123.60605").compareTo(e.fixed()));
    }
}
