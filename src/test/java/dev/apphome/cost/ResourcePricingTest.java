package dev.apphome.cost;

import dev.apphome.cost.Costs.Fixed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.apphome.cost.Costs.state;
import static dev.apphome.cost.Costs.steps;
import static dev.apphome.cost.Costs.urn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One resource type at a time, from synthetic steps with the inputs the provider names: the types
 * the program declares today and those it is about to (DynamoDB, MSK, RDS Proxy, CloudFront,
 * Lambda, ECR, Budgets, CloudTrail, SNS, Scheduler, Cognito). Every figure is worked out by hand
 * from the price table.
 */
class ResourcePricingTest {

    private static Usage usage(String yaml) {
        try {
            return Usage.parse(yaml, "usage.yaml");
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private static void assertLine(String item, String quantity, String unitPrice, String monthly, boolean usage, Line actual) {
        assertEquals(item, actual.item());
        if (quantity == null) {
            assertNull(actual.quantity(), item);
        } else {
            assertEquals(0, new BigDecimal(quantity).compareTo(actual.quantity()), item + " quantity " + actual.quantity());
        }
        assertEquals(0, new BigDecimal(unitPrice).compareTo(actual.unitPrice()), item + " unit price " + actual.unitPrice());
        assertEquals(0, new BigDecimal(monthly).compareTo(actual.monthly()), item + " monthly " + actual.monthly());
        assertEquals(usage, actual.usage(), item);
    }

    @Test
    void provisionedDynamoDbTablesPayForTheirAndTheirIndexesCapacityAndPitrByTableSize() {
        var e = Costs.of(steps("eu-west-1", state("aws:dynamodb/table:Table", "orders",
                "{\"billingMode\": \"PROVISIONED\", \"readCapacity\": 5, \"writeCapacity\": 5, \"pointInTimeRecovery\": {\"enabled\": true},"
                        + " \"globalSecondaryIndexes\": [{\"name\": \"byCustomer\", \"readCapacity\": 5, \"writeCapacity\": 5}]}")),
                usage("resources: {orders: {storageGb: 10}}"));
        var lines = Costs.lines(e, "orders");

        // 10 RCU × 730 × 0.000147 and 10 WCU × 730 × 0.000735; 10 GB × 0.283 storage and × 0.22 PITR
        assertLine("provisioned read capacity: 10 RCU", "7300", "0.000147", "1.0731", false, lines.get(0));
        assertLine("provisioned write capacity: 10 WCU", "7300", "0.000735", "5.3655", false, lines.get(1));
        assertLine("storage", "10", "0.283", "2.83", true, lines.get(2));
        assertLine("point-in-time recovery", "10", "0.22", "2.2", true, lines.get(3));
        assertEquals(0, new BigDecimal("6.4386").compareTo(e.fixed()));
        assertEquals(0, new BigDecimal("5.03").compareTo(e.usageTotal()));
    }

    @Test
    void onDemandDynamoDbTablesAreUsageOnlyAndTheProviderDefaultIsProvisioned() {
        var e = Costs.of(steps("eu-west-1",
                state("aws:dynamodb/table:Table", "events", "{\"billingMode\": \"PAY_PER_REQUEST\"}"),
                state("aws:dynamodb/table:Table", "defaulted", "{\"readCapacity\": 1, \"writeCapacity\": 1}")),
                usage("types: {\"aws:dynamodb/table:Table\": {writesMillion: 2, readsMillion: 5}}"));

        var events = Costs.lines(e, "events");
        assertLine("on-demand writes", "2", "0.705", "1.41", true, events.get(0));
        assertLine("on-demand reads", "5", "0.1415", "0.7075", true, events.get(1));
        assertLine("storage", null, "0.283", "0", true, events.get(2));
        assertLine("provisioned read capacity: 1 RCU", "730", "0.000147", "0.10731", false, Costs.lines(e, "defaulted").get(0));
    }

    @Test
    void mskClustersPayBrokerHoursAndProvisionedStorageAndAreUnpricedWhereTheTableHasNoFigure() {
        String cluster = "{\"numberOfBrokerNodes\": 3, \"brokerNodeGroupInfo\": {\"instanceType\": \"kafka.m5.large\", "
                + "\"storageInfo\": {\"ebsStorageInfo\": {\"volumeSize\": 100}}}}";
        var us = Costs.of(steps("us-east-1", state("aws:msk/cluster:Cluster", "events", cluster)));
        var eu = Costs.of(steps("eu-west-1", state("aws:msk/cluster:Cluster", "events", cluster)));

        // 3 × 730 × 0.21 broker-hours; 3 × 100 GB × 0.10
        assertEquals(List.of(
                new Fixed("events", "3 × kafka.m5.large brokers", "2190", "0.21", "459.9"),
                new Fixed("events", "broker storage: 3 × 100 GB", "300", "0.1", "30")), Costs.fixedLines(us));
        assertEquals("no eu-west-1 price for broker storage: 3 × 100 GB (msk.storage.gbMonth, status missing: no figure was found "
                + "when the table was compiled)", Costs.unpricedReason(eu, "events"));
    }

    @Test
    void rdsProxyBillsTheVcpusOfItsTargetsWithATwoVcpuMinimum() {
        var e = Costs.of(steps("us-east-1",
                state("aws:rds/instance:Instance", "db", "{\"engine\": \"postgres\", \"instanceClass\": \"db.r6g.xlarge\", "
                        + "\"allocatedStorage\": 20, \"storageType\": \"gp3\", \"identifier\": \"main\"}"),
                state("aws:rds/proxy:Proxy", "proxy", "{\"name\": \"main-proxy\", \"engineFamily\": \"POSTGRESQL\"}"),
                state("aws:rds/proxyTarget:ProxyTarget", "target", "{\"dbProxyName\": \"main-proxy\", \"dbInstanceIdentifier\": \"main\"}"),
                state("aws:rds/proxy:Proxy", "lonely", "{\"name\": \"lonely\"}")));

        // db.r6g.xlarge has 4 vCPUs: 4 × 730 × 0.015; a proxy with no target in the plan pays the 2-vCPU minimum
        assertEquals(List.of(new Fixed("proxy", "RDS Proxy: 4 vCPUs of its targets", "2920", "0.015", "43.8")),
                Costs.fixedLines(e).stream().filter(l -> l.resource().equals("proxy")).toList());
        assertEquals(List.of(new Fixed("lonely", "RDS Proxy: the 2-vCPU minimum (no target in the document)", "1460", "0.015", "21.9")),
                Costs.fixedLines(e).stream().filter(l -> l.resource().equals("lonely")).toList());
        assertEquals("its database's vCPUs are priced on the proxy", Costs.freeReason(e, "target"));
    }

    @Test
    void rdsInstancesPayHoursStorageIopsAboveTheBaselineAndTheirManagedSecret() {
        var e = Costs.of(steps("us-east-1",
                state("aws:rds/instance:Instance", "big", "{\"engine\": \"mysql\", \"instanceClass\": \"db.m6g.large\", \"multiAz\": true, "
                        + "\"allocatedStorage\": 500, \"storageType\": \"gp3\", \"iops\": 15000, \"manageMasterUserPassword\": true}"),
                state("aws:rds/instance:Instance", "io1", "{\"engine\": \"postgres\", \"instanceClass\": \"db.t4g.micro\", "
                        + "\"allocatedStorage\": 100, \"iops\": 3000}"),
                state("aws:rds/instance:Instance", "maria", "{\"engine\": \"mariadb\", \"instanceClass\": \"db.t4g.micro\"}"),
                state("aws:rds/instance:Instance", "old", "{\"engine\": \"postgres\", \"instanceClass\": \"db.m5.large\", \"allocatedStorage\": 20}")));

        // MySQL db.m6g.large Multi-AZ 730 × 0.304; 500 GB × 0.23; 15,000 − 12,000 included IOPS on both copies × 0.02
        assertEquals(List.of(
                new Fixed("big", "RDS MySQL db.m6g.large, Multi-AZ (with a standby)", "730", "0.304", "221.92"),
                new Fixed("big", "gp3 storage: 500 GB, Multi-AZ", "500", "0.23", "115"),
                new Fixed("big", "gp3 IOPS above the 12000 included, on both copies", "6000", "0.02", "120"),
                new Fixed("big", "Secrets Manager secret of the master password (kept by RDS)", "1", "0.4", "0.4")), Costs.fixedLines(e));
        assertEquals("io1 storage: the price table has only gp3 prices for RDS", Costs.unpricedReason(e, "io1"));
        assertEquals("engine mariadb: the price table has only PostgreSQL and MySQL prices", Costs.unpricedReason(e, "maria"));
        assertEquals("the price table has no item rds.postgres.db.m5.large.singleAz (RDS PostgreSQL db.m5.large, single-AZ)",
                Costs.unpricedReason(e, "old"));
    }

    @Test
    void auroraServerlessV2PaysItsMinimumCapacityAndStorageIsUsage() {
        String cluster = urn("aws:rds/cluster:Cluster", "aurora");
        var e = Costs.of(steps("us-east-1",
                state("aws:rds/cluster:Cluster", "aurora", "{\"engine\": \"aurora-postgresql\", \"clusterIdentifier\": \"app\", "
                        + "\"serverlessv2ScalingConfiguration\": {\"minCapacity\": 0.5, \"maxCapacity\": 4}}"),
                state("aws:rds/clusterInstance:ClusterInstance", "writer", "{\"engine\": \"aurora-postgresql\", "
                        + "\"instanceClass\": \"db.serverless\", \"clusterIdentifier\": \"app\"}", "{\"clusterIdentifier\": [\"" + cluster + "\"]}")),
                usage("types: {\"aws:rds/cluster:Cluster\": {storageGb: 50, ioMillion: 10}}"));

        // 0.5 ACU × 730 × 0.12
        assertEquals(List.of(new Fixed("writer", "Aurora Serverless v2 minimum capacity: 0.5 ACU", "365", "0.12", "43.8")),
                Costs.fixedLines(e));
        var storage = Costs.lines(e, "aurora");
        assertLine("Aurora storage", "50", "0.1", "5", true, storage.get(0));
        assertLine("Aurora I/O requests", "10", "0.2", "2", true, storage.get(1));
    }

    @Test
    void cacheNodesFollowTheEngineAndTheClusterModeShape() {
        var e = Costs.of(steps("us-east-1",
                state("aws:elasticache/replicationGroup:ReplicationGroup", "sharded", "{\"engine\": \"redis\", \"nodeType\": "
                        + "\"cache.m6g.large\", \"numNodeGroups\": 2, \"replicasPerNodeGroup\": 1}"),
                state("aws:elasticache/cluster:Cluster", "memcached", "{\"engine\": \"memcached\", \"nodeType\": \"cache.t4g.small\", "
                        + "\"numCacheNodes\": 2}"),
                state("aws:elasticache/replicationGroup:ReplicationGroup", "valkey", "{\"engine\": \"valkey\", \"nodeType\": "
                        + "\"cache.r6g.large\", \"numCacheClusters\": 2}")));

        assertEquals(List.of(
                // 2 shards × (1 + 1 replica) × 730 × 0.149
                new Fixed("sharded", "4 × cache.m6g.large (Redis OSS)", "2920", "0.149", "435.08"),
                // Memcached nodes at the Redis OSS price: 2 × 730 × 0.032
                new Fixed("memcached", "2 × cache.t4g.small (Memcached)", "1460", "0.032", "46.72"),
                // Valkey: 2 × 730 × 0.1648
                new Fixed("valkey", "2 × cache.r6g.large (Valkey)", "1460", "0.1648", "240.608")), Costs.fixedLines(e));
    }

    @Test
    void cloudFrontLambdaEcrSnsAndSqsAreUsageLinesWithTheirUnitPrices() {
        var e = Costs.of(steps("eu-west-1",
                state("aws:cloudfront/distribution:Distribution", "cdn", "{\"priceClass\": \"PriceClass_100\", \"enabled\": true}"),
                state("aws:lambda/function:Function", "resize", "{\"memorySize\": 512, \"architectures\": [\"arm64\"], \"runtime\": \"nodejs20.x\"}"),
                state("aws:ecr/repository:Repository", "images", "{}"),
                state("aws:sns/topic:Topic", "alerts", "{}"),
                state("aws:sqs/queue:Queue", "jobs.fifo", "{\"fifoQueue\": true}")),
                usage("""
                        resources:
                          cdn: {europeGb: 100, europeRequests10k: 50}
                          resize: {requestsMillion: 3, averageDurationMs: 120}
                          images: {storageGb: 20}
                          alerts: {publishesMillion: 4}
                          jobs.fifo: {requestsMillion: 2}
                        """));

        var cdn = Costs.lines(e, "cdn");
        assertEquals(4, cdn.size(), "PriceClass_100 serves from North America and Europe only");
        assertLine("data out, North America edges", null, "0.085", "0", true, cdn.get(0));
        assertLine("data out, Europe edges", "100", "0.085", "8.5", true, cdn.get(2));
        assertLine("HTTPS requests, Europe edges", "50", "0.012", "0.6", true, cdn.get(3));
        var resize = Costs.lines(e, "resize");
        assertLine("requests", "3", "0.2", "0.6", true, resize.get(0));
        // 3,000,000 × 0.12 s × 0.5 GB = 180,000 GB-seconds × 0.0000133334
        assertLine("compute (arm64, 512 MB)", "180000", "0.0000133334", "2.400012", true, resize.get(1));
        assertLine("image storage", "20", "0.1", "2", true, Costs.lines(e, "images").get(0));
        assertLine("publishes", "4", "0.5", "2", true, Costs.lines(e, "alerts").get(0));
        assertLine("FIFO requests", "2", "0.5", "1", true, Costs.lines(e, "jobs.fifo").get(0));
        assertEquals(0, e.fixed().signum());
        // 8.5 + 0.6 + 0.6 + 2.400012 + 2 + 2 + 1
        assertEquals(0, new BigDecimal("17.100012").compareTo(e.usageTotal()));
    }

    @Test
    void theFirstTrailAndTheFirstTwoBudgetsAreFreeAndTheRestIsPriced() {
        var e = Costs.of(steps("eu-west-1",
                state("aws:cloudtrail/trail:Trail", "account", "{\"s3BucketName\": \"trail\"}"),
                state("aws:cloudtrail/trail:Trail", "data", "{\"s3BucketName\": \"trail\", \"eventSelectors\": [{\"dataResources\": "
                        + "[{\"type\": \"AWS::S3::Object\", \"values\": [\"arn:aws:s3\"]}]}]}"),
                state("aws:budgets/budget:Budget", "one", "{\"budgetType\": \"COST\"}"),
                state("aws:budgets/budget:Budget", "two", "{\"budgetType\": \"COST\"}"),
                state("aws:budgets/budget:Budget", "three", "{\"budgetType\": \"COST\"}")),
                usage("resources: {data: {managementEvents100k: 3, dataEventsMillion: 2}}"));

        assertEquals("the first trail's copy of management events is free (taking it to be the account's first trail)",
                Costs.freeReason(e, "account"));
        var trail = Costs.lines(e, "data");
        assertLine("management events, an additional copy", "3", "2", "6", true, trail.get(0));
        assertLine("data events", "2", "1", "2", true, trail.get(1));
        assertEquals("one of the 2 free budgets of an account (taking the account to have no others)", Costs.freeReason(e, "two"));
        // 730 / 24 budget-days × 0.02
        assertEquals(List.of(new Fixed("three", "budget beyond the 2 free ones", "30.4166666667", "0.02", "0.6083333333")),
                Costs.fixedLines(e));
    }

    @Test
    void alarmsCostOneAlarmMetricPerMetricTheyRead() {
        var e = Costs.of(steps("eu-west-1",
                state("aws:cloudwatch/metricAlarm:MetricAlarm", "math", "{\"metricQueries\": ["
                        + "{\"id\": \"a\", \"metric\": {\"metricName\": \"Errors\", \"period\": 60}},"
                        + "{\"id\": \"b\", \"metric\": {\"metricName\": \"Throttles\", \"period\": 60}},"
                        + "{\"id\": \"c\", \"metric\": {\"metricName\": \"Invocations\", \"period\": 60}},"
                        + "{\"id\": \"e\", \"expression\": \"(a + b) / c\", \"returnData\": true}]}"),
                state("aws:cloudwatch/metricAlarm:MetricAlarm", "fast", "{\"metricName\": \"CPUUtilization\", \"period\": 10}"),
                state("aws:cloudwatch/metricAlarm:MetricAlarm", "band", "{\"thresholdMetricId\": \"ad1\", \"metricQueries\": []}"),
                state("aws:cloudwatch/compositeAlarm:CompositeAlarm", "both", "{\"alarmRule\": \"ALARM(a)\"}")));

        assertEquals(List.of(new Fixed("math", "standard-resolution alarm on 3 metrics", "3", "0.1", "0.3")), Costs.fixedLines(e));
        assertEquals("a high-resolution alarm (period under 60 s): the price table has only standard-resolution alarm prices",
                Costs.unpricedReason(e, "fast"));
        assertEquals("an anomaly-detection alarm: the price table has no price for its band metrics", Costs.unpricedReason(e, "band"));
        assertEquals("the price table has no composite-alarm price", Costs.unpricedReason(e, "both"));
    }

    @Test
    void webAclsPayPerRuleAndRuleGroupsWithASubscriptionAreUnpriced() {
        var e = Costs.of(steps("us-east-1",
                state("aws:wafv2/webAcl:WebAcl", "basic", "{\"scope\": \"REGIONAL\", \"rules\": ["
                        + "{\"name\": \"common\", \"statement\": {\"managedRuleGroupStatement\": {\"name\": \"AWSManagedRulesCommonRuleSet\", \"vendorName\": \"AWS\"}}},"
                        + "{\"name\": \"rate\", \"statement\": {\"rateBasedStatement\": {\"limit\": 100}}}]}"),
                state("aws:wafv2/webAcl:WebAcl", "bots", "{\"scope\": \"CLOUDFRONT\", \"rules\": [{\"name\": \"bots\", \"statement\": "
                        + "{\"managedRuleGroupStatement\": {\"name\": \"AWSManagedRulesBotControlRuleSet\", \"vendorName\": \"AWS\"}}}]}")));

        assertEquals(List.of(
                new Fixed("basic", "web ACL", "1", "5", "5"),
                new Fixed("basic", "rules: 2 (a managed rule group counts as one)", "2", "1", "2")), Costs.fixedLines(e));
        assertEquals("managed rule group AWSManagedRulesBotControlRuleSet has a subscription and request fee the price table does not have",
                Costs.unpricedReason(e, "bots"));
    }

    @Test
    void loadBalancersAddressesAndEndpointsFollowTheirInputs() {
        String subnet = "aws:ec2/subnet:Subnet";
        var e = Costs.of(steps("sa-east-1",
                state(subnet, "a", "{\"availabilityZone\": \"sa-east-1a\"}"),
                state(subnet, "b", "{\"availabilityZone\": \"sa-east-1b\"}"),
                // in a preview the list of subnet ids is unknown; its recorded dependencies still say how many
                state("aws:lb/loadBalancer:LoadBalancer", "public", "{\"loadBalancerType\": \"application\", "
                        + "\"subnets\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"}", "{\"subnets\": [\"" + urn(subnet, "a") + "\", \"" + urn(subnet, "b") + "\"]}"),
                state("aws:lb/loadBalancer:LoadBalancer", "internal", "{\"internal\": true, \"subnets\": [\"subnet-1\", \"subnet-2\"]}"),
                state("aws:lb/loadBalancer:LoadBalancer", "nlb", "{\"loadBalancerType\": \"network\"}"),
                state("aws:ec2/eip:Eip", "bastion", "{\"domain\": \"vpc\"}"),
                state("aws:ec2/vpcEndpoint:VpcEndpoint", "ecr", "{\"vpcEndpointType\": \"Interface\", \"subnetIds\": [\"subnet-1\"]}")));

        assertEquals(List.of(
                // São Paulo: 730 × 0.034; 2 × 730 × 0.005
                new Fixed("public", "Application Load Balancer", "730", "0.034", "24.82"),
                new Fixed("public", "public IPv4 addresses, one per AZ (2)", "1460", "0.005", "7.3"),
                new Fixed("internal", "Application Load Balancer", "730", "0.034", "24.82"),
                new Fixed("bastion", "public IPv4 address", "730", "0.005", "3.65")), Costs.fixedLines(e));
        assertEquals("a network load balancer: the price table has only Application Load Balancer prices", Costs.unpricedReason(e, "nlb"));
        assertEquals("no sa-east-1 price for interface endpoint in 1 AZ (endpoint.azHour, status missing: no figure was found when "
                + "the table was compiled)", Costs.unpricedReason(e, "ecr"));
    }

    @Test
    void keysSecretsAndTheTypesWithoutPricesAreReportedNeverZero() {
        var e = Costs.of(steps("eu-west-1",
                state("aws:kms/replicaKey:ReplicaKey", "replica", "{}"),
                state("aws:secretsmanager/secret:Secret", "shared", "{\"replicas\": [{\"region\": \"eu-central-1\"}]}"),
                state("aws:scheduler/schedule:Schedule", "nightly", "{\"scheduleExpression\": \"cron(0 3 * * ? *)\"}"),
                state("aws:cognito/userPool:UserPool", "users", "{}"),
                state("aws:elasticache/replicationGroup:ReplicationGroup", "hidden", "{\"nodeType\": \"[secret]\"}"),
                state("aws:apigateway/restApi:RestApi", "api", "{}"),
                state("cloudflare:index/record:Record", "dns", "{}")));

        assertEquals(List.of(
                new Fixed("replica", "customer managed key", "1", "1", "1"),
                new Fixed("shared", "secret and its 1 replicas", "2", "0.4", "0.8")), Costs.fixedLines(e));
        assertEquals("EventBridge Scheduler bills invocations; the price table has no Scheduler prices", Costs.unpricedReason(e, "nightly"));
        assertEquals("billed per monthly active user (after a free tier); the price table has no Cognito prices",
                Costs.unpricedReason(e, "users"));
        assertEquals("nodeType is secret in the document", Costs.unpricedReason(e, "hidden"));
        assertEquals("bin/cost has no pricing rule for aws:apigateway/restApi:RestApi yet", Costs.unpricedReason(e, "api"));
        assertEquals("not an AWS resource; outside this estimate", Costs.unpricedReason(e, "dns"));
        assertTrue(e.free().isEmpty());
    }
}
