package dev.apphome.kafka;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Plans;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kafka-proxy variant stack planned whole: Aurora MySQL behind an RDS Proxy with
 * max_connections 2000, three MSK brokers over three AZs, a web service that produces and consumes
 * and a worker that consumes. What the wiring of the whole program decides is pinned here; each
 * component's own inputs are pinned by its component test.
 */
class KafkaProxyStackTest {

    private static final PlanRunner.Result PLAN = Stacks.anyPlan("kafka-proxy");
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String P = "apphome-kafka-proxy-";

    private static List<String> ingress(String group) {
        return Plans.dependents(PLAN, PLAN.named(P + group), INGRESS, "securityGroupId").stream()
                .map(r -> r.input("fromPort") + " " + source(PLAN, r, "referencedSecurityGroupId").name()).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        var definitions = (List<Object>) Json.parse(PLAN.named("aws:ecs/taskDefinition:TaskDefinition", P + service + "-task")
                .inputString("containerDefinitions"));
        Map<String, String> env = new java.util.TreeMap<>();
        Plans.list(Plans.map(definitions.get(0)).get("environment")).forEach(e -> env.put(
                (String) Plans.map(e).get("name"), (String) Plans.map(e).get("value")));
        return env;
    }

    private static List<Object> sids(String service) {
        return Json.statements(PLAN.named("aws:iam/rolePolicy:RolePolicy", P + service + "-task"), "policy").stream()
                .map(s -> s.get("Sid")).toList();
    }

    @Test
    void securityGroupsChainServicesToTheProxyAndTheProxyToTheDatabase() {
        assertEquals(List.of("3306 " + P + "api-sg"), ingress("db-proxy-sg"));
        assertEquals(List.of("3306 " + P + "db-proxy-sg"), ingress("db-sg"));
        assertEquals(List.of("9098 " + P + "api-sg", "9098 " + P + "worker-sg"), ingress("kafka-sg"));
    }

    @Test
    void servicesGetTheProxyAsDatabaseHostAndTheBrokersAsPlainVariables() {
        var proxy = PLAN.ofType("aws:rds/proxy:Proxy").get(0);
        var cluster = PLAN.ofType("aws:msk/cluster:Cluster").get(0);
        var api = environment("api");

        assertEquals(proxy.outputs().get("endpoint"), api.get("DB_HOST"));
        assertEquals("3306", api.get("DB_PORT"));
        assertEquals(cluster.outputs().get("bootstrapBrokersSaslIam"), api.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(cluster.outputs().get("bootstrapBrokersSaslIam"), environment("worker").get("KAFKA_BOOTSTRAP_SERVERS"));
        assertTrue(environment("worker").keySet().stream().noneMatch(k -> k.startsWith("DB_")));
    }

    @Test
    void eachServicesRoleHasTheKafkaAccessItDeclares() {
        assertEquals(List.of("ReadDatabaseCredentials", "DecryptDatabaseCredentials", "KafkaCluster", "KafkaTopics",
                "KafkaGroups"), sids("api"));
        assertEquals(List.of("KafkaCluster", "KafkaTopics", "KafkaGroups"), sids("worker"));
        var worker = Json.statements(PLAN.named("aws:iam/rolePolicy:RolePolicy", P + "worker-task"), "policy");
        assertEquals(List.of("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"), worker.get(1).get("Action"));
    }

    @Test
    void threeBrokersSpreadOverTheThreePrivateSubnets() {
        var cluster = PLAN.ofType("aws:msk/cluster:Cluster").get(0);

        assertEquals(3L, cluster.input("numberOfBrokerNodes"));
        assertEquals(List.of(P + "kafka-sg", P + "private-1", P + "private-2", P + "private-3"),
                Plans.names(Plans.sources(PLAN, cluster, "brokerNodeGroupInfo")));
    }

    @Test
    void maxConnectionsReachesEveryAuroraInstance() {
        var group = PLAN.named("aws:rds/parameterGroup:ParameterGroup", P + "db-instance-params");

        assertEquals(List.of(Map.of("name", "max_connections", "value", "2000", "applyMethod", "immediate")),
                group.input("parameters"));
        assertEquals(List.of(P + "db-reader-1", P + "db-writer"), Plans.names(Plans.dependents(PLAN, group,
                "aws:rds/clusterInstance:ClusterInstance", "dbParameterGroupName")));
    }

    @Test
    void theIsolatedTierAdmitsTheDatabasePortAndItselfButNotKafka() {
        var rules = Plans.names(PLAN.ofType("aws:ec2/networkAclRule:NetworkAclRule"));

        assertEquals(12, rules.size());
        assertTrue(rules.containsAll(List.of(P + "isolated-acl-in-private-3-3306", P + "isolated-acl-in-isolated-3-ephemeral",
                P + "isolated-acl-out-isolated-3-ephemeral")));
        assertTrue(rules.stream().noneMatch(r -> r.contains("9098")), "the brokers live in the private tier");
        assertEquals(3, PLAN.ofType("aws:ec2/networkAclAssociation:NetworkAclAssociation").size());
    }

    @Test
    void theNewStoresRaiseTheirAlarms() {
        List<String> alarms = Plans.names(PLAN.ofType("aws:cloudwatch/metricAlarm:MetricAlarm"));

        assertTrue(alarms.containsAll(List.of(P + "alerts-kafka-disk", P + "alerts-kafka-cpu",
                P + "alerts-db-proxy-connections")), alarms.toString());
    }
}
