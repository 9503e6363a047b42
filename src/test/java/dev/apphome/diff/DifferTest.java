package dev.apphome.diff;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The classification on small hand-written documents, in both shapes: two plans (every step a
 * create) and one real preview (the engine's own operations). What no test here can prove is that
 * the provider decides as the table says; the table's facts come from the provider's schema.
 */
class DifferTest {

    private static final Gson GSON = new Gson();
    private static final Differ DIFFER = new Differ(ForcingTable.bundled());
    private static final String P = "urn:pulumi:dev::apphome::";

    /** One resource's state: URN from type and name, inputs, and input → the URNs it came from. */
    private static Map<String, Object> state(String type, String name, Map<String, Object> inputs,
                                             Map<String, List<String>> dependencies) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("urn", urn(type, name));
        s.put("custom", true);
        s.put("type", type);
        s.put("inputs", inputs);
        s.put("parent", "");
        s.put("protect", false);
        s.put("propertyDependencies", dependencies);
        return s;
    }

    private static Map<String, Object> state(String type, String name, Map<String, Object> inputs) {
        return state(type, name, inputs, Map.of());
    }

    private static String urn(String type, String name) {
        return P + type + "::" + name;
    }

    /** A bin/plan document: every state created. */
    @SafeVarargs
    private static PreviewDocument plan(Map<String, Object>... states) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (var s : states) {
            steps.add(Map.of("op", "create", "urn", s.get("urn"), "newState", s));
        }
        return PreviewDocument.parse("plan.json", GSON.toJson(Map.of("steps", steps)));
    }

    private static Change only(List<Change> changes, String name) {
        return changes.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String DB = "aws:rds/instance:Instance";
    private static final String DB_SUBNETS = "aws:rds/subnetGroup:SubnetGroup";
    private static final String KEY = "aws:kms/key:Key";
    private static final String CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";

    @Test
    void aForceNewInputReplacesAndAnyOtherUpdatesInPlace() {
        var before = plan(state(SUBNET, "a", Map.of("cidrBlock", "10.0.34.0/24", "mapPublicIpOnLaunch", false)),
                state(SUBNET, "b", Map.of("cidrBlock", "10.0.35.0/24", "tags", Map.of("tier", "isolated"))),
                state(SUBNET, "c", Map.of("cidrBlock", "10.0.36.0/24")));
        var after = plan(state(SUBNET, "a", Map.of("cidrBlock", "10.0.51.0/24", "mapPublicIpOnLaunch", false)),
                state(SUBNET, "b", Map.of("cidrBlock", "10.0.35.0/24", "tags", Map.of("tier", "data"))),
                state(SUBNET, "c", Map.of("cidrBlock", "10.0.36.0/24")));

        var changes = DIFFER.between(before, after);

        assertEquals(Verdict.REPLACE, only(changes, "a").verdict());
        assertEquals(List.of("cidrBlock"), only(changes, "a").forcingInputs());
        assertEquals("10.0.34.0/24", only(changes, "a").forcing().get(0).before());
        assertEquals("10.0.51.0/24", only(changes, "a").forcing().get(0).after());
        assertEquals("ForceNew in aws_subnet, terraform-provider-aws v5.100.0 internal/service/ec2/vpc_subnet.go",
                only(changes, "a").forcing().get(0).why());
        assertEquals(Verdict.UPDATE, only(changes, "b").verdict());
        assertEquals(List.of("tags.tier"), only(changes, "b").changed());
        assertEquals(Verdict.SAME, only(changes, "c").verdict());
    }

    @Test
    void aResourceOnlyOneSideHasIsCreatedOrDeletedAndADeletionNamesItsUrn() {
        var before = plan(state("aws:s3/bucketV2:BucketV2", "apphome-dev-bucket-media-bucket", Map.of()));
        var after = plan(state("aws:s3/bucketV2:BucketV2", "apphome-dev-bucket-assets-bucket", Map.of()));

        var changes = DIFFER.between(before, after);

        var deleted = only(changes, "apphome-dev-bucket-media-bucket");
        assertEquals(Verdict.DELETE, deleted.verdict());
        assertEquals(List.of(Change.Forcing.URN), deleted.forcingInputs());
        assertEquals("apphome-dev-bucket-assets-bucket", deleted.createdInstead());
        assertEquals("a bucket: a new one starts empty, and a non-empty one cannot be deleted", deleted.stateful());
        assertEquals(Verdict.CREATE, only(changes, "apphome-dev-bucket-assets-bucket").verdict());
    }

    @Test
    void anAliasOfTheOldUrnKeepsARenamedResourceTheSame() {
        var renamed = state(KEY, "new-name", Map.of("description", "k"));
        renamed.put("aliases", List.of(urn(KEY, "old-name")));

        var changes = DIFFER.between(plan(state(KEY, "old-name", Map.of("description", "k"))), plan(renamed));

        assertEquals(1, changes.size());
        assertEquals(Verdict.SAME, changes.get(0).verdict());
        assertEquals(urn(KEY, "new-name"), changes.get(0).urn());
    }

    @Test
    void anInputTheProviderComputesWhenUnsetReplacesOnlyWhenSetToAnotherValue() {
        var before = plan(state(DB, "set", Map.of("availabilityZone", "eu-west-1a")),
                state(DB, "unset", Map.of("availabilityZone", "eu-west-1a")));
        var after = plan(state(DB, "set", Map.of("availabilityZone", "eu-west-1b")), state(DB, "unset", Map.of()));

        var changes = DIFFER.between(before, after);

        assertEquals(List.of("availabilityZone"), only(changes, "set").forcingInputs());
        assertEquals(Verdict.UPDATE, only(changes, "unset").verdict());
    }

    @Test
    void aChangeInsideAForcingBlockNamesTheInnerInput() {
        String task = "aws:ecs/taskDefinition:TaskDefinition";
        var before = plan(state(task, "t", Map.of("volumes", List.of(Map.of("name", "tmp")))));
        var after = plan(state(task, "t", Map.of("volumes", List.of(Map.of("name", "scratch")))));

        assertEquals(List.of("volumes.name"), DIFFER.between(before, after).get(0).forcingInputs());
    }

    @Test
    void aReplacedResourceReplacesWhatTakesAForcingInputFromIt() {
        // The key is replaced; the database's kmsKeyId comes from it and is ForceNew, its alias's
        // targetKeyId is not. Both plans read the same mocked ARN: only the cascade can see this.
        var key = state(KEY, "key", Map.of("keyUsage", "ENCRYPT_DECRYPT"));
        var newKey = state(KEY, "key", Map.of("keyUsage", "SIGN_VERIFY"));
        var db = state(DB, "db", Map.of("kmsKeyId", "arn:key"), Map.of("kmsKeyId", List.of(urn(KEY, "key"))));
        var alias = state("aws:kms/alias:Alias", "alias", Map.of("targetKeyId", "k"),
                Map.of("targetKeyId", List.of(urn(KEY, "key"))));

        var changes = DIFFER.between(plan(key, db, alias), plan(newKey, db, alias));

        assertEquals(List.of("keyUsage"), only(changes, "key").forcingInputs());
        var database = only(changes, "db");
        assertEquals(Verdict.REPLACE, database.verdict());
        assertEquals(List.of("kmsKeyId"), database.forcingInputs());
        assertEquals(urn(KEY, "key"), database.forcing().get(0).from());
        assertNull(database.forcing().get(0).before());
        assertEquals(Verdict.UPDATE, only(changes, "alias").verdict());
        assertEquals(List.of("targetKeyId"), only(changes, "alias").changed());
    }

    @Test
    void aSubnetHoldsDataWhenADataStoresSubnetGroupTakesItsId() {
        var data = state(SUBNET, "isolated-1", Map.of("cidrBlock", "10.0.34.0/24"));
        var open = state(SUBNET, "public-1", Map.of("cidrBlock", "10.0.32.0/24"));
        var group = state(DB_SUBNETS, "db-subnets", Map.of("subnetIds", List.of("s1")),
                Map.of("subnetIds", List.of(urn(SUBNET, "isolated-1"))));

        var changes = DIFFER.between(plan(data, open, group),
                plan(state(SUBNET, "isolated-1", Map.of("cidrBlock", "10.0.51.0/24")),
                        state(SUBNET, "public-1", Map.of("cidrBlock", "10.0.48.0/24")), group));

        assertEquals("a subnet a data store takes an input from (through its subnet group): it holds their network "
                + "interfaces, so it cannot be deleted while they are in it (db-subnets)", only(changes, "isolated-1").stateful());
        assertNull(only(changes, "public-1").stateful());
        assertEquals(List.of("isolated-1"), Gate.judge(changes, List.of()).refused().stream().map(Change::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "redis to valkey is an in-place upgrade|engine|redis|valkey|UPDATE|",
            "valkey to redis replaces|engine|valkey|redis|REPLACE|engine",
            "a version upgrade is in place|engineVersion|7.1|8.0|UPDATE|",
            "a version downgrade replaces|engineVersion|8.0|7.1|REPLACE|engineVersion",
    })
    void theCacheEngineCasesAreDecidedAsTheProviderDecidesThem(String label, String input, String from, String to,
                                                               Verdict verdict, String forcing) {
        var changes = DIFFER.between(plan(state(CACHE, "cache", Map.of(input, from))),
                plan(state(CACHE, "cache", Map.of(input, to))));

        assertEquals(verdict, changes.get(0).verdict());
        assertEquals(forcing == null ? List.of() : List.of(forcing), changes.get(0).forcingInputs());
    }

    @ParameterizedTest(name = "forceNewDeployment {0}")
    @CsvSource({"true, UPDATE", "false, REPLACE"})
    void aServicesCapacityStrategyReplacesItUnlessItForcesNewDeployments(boolean forceNewDeployment, Verdict verdict) {
        String service = "aws:ecs/service:Service";
        var before = state(service, "svc", Map.of("forceNewDeployment", forceNewDeployment,
                "capacityProviderStrategies", List.of(Map.of("capacityProvider", "FARGATE", "weight", 1))));
        var after = state(service, "svc", Map.of("forceNewDeployment", forceNewDeployment,
                "capacityProviderStrategies", List.of(Map.of("capacityProvider", "FARGATE", "weight", 2))));

        assertEquals(verdict, DIFFER.between(plan(before), plan(after)).get(0).verdict());
    }

    @Test
    void aSecurityGroupRuleIsReplacedOnlyWhenItsKindOfSourceChanges() {
        String rule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
        var changes = DIFFER.between(
                plan(state(rule, "same-kind", Map.of("cidrIpv4", "10.0.0.0/20")),
                        state(rule, "other-kind", Map.of("cidrIpv4", "10.0.0.0/20"))),
                plan(state(rule, "same-kind", Map.of("cidrIpv4", "10.0.16.0/20")),
                        state(rule, "other-kind", Map.of("referencedSecurityGroupId", "sg-1"))));

        assertEquals(Verdict.UPDATE, only(changes, "same-kind").verdict());
        assertEquals(Verdict.REPLACE, only(changes, "other-kind").verdict());
    }

    @Test
    void anInputTheEngineIgnoresChangesOfChangesNothing() {
        // The cache's AUTH token is drawn anew on every run and ignored; a replaced secret version it
        // came from would not reach the group either.
        var before = state(CACHE, "cache", Map.of("authToken", "one", "nodeType", "cache.t4g.micro"));
        before.put("ignoreChanges", List.of("authToken"));
        var after = state(CACHE, "cache", Map.of("authToken", "two", "nodeType", "cache.t4g.micro"));
        after.put("ignoreChanges", List.of("authToken"));

        assertEquals(Verdict.SAME, DIFFER.between(plan(before), plan(after)).get(0).verdict());
    }

    @Test
    void aTypeTheTableDoesNotKnowIsAnUpdateThatSaysSo() {
        String type = "aws:lightsail/instance:Instance";
        var change = DIFFER.between(plan(state(type, "vm", Map.of("blueprintId", "a"))),
                plan(state(type, "vm", Map.of("blueprintId", "b")))).get(0);

        assertEquals(Verdict.UPDATE, change.verdict());
        assertEquals(true, change.unknownType());
    }

    @Test
    void aNatInstanceIsReplacedByNewUserDataOnlyWhenItAsksToBe() {
        String type = "aws:ec2/instance:Instance";
        var replaced = DIFFER.between(
                plan(state(type, "nat", Map.of("userData", "a", "userDataReplaceOnChange", true))),
                plan(state(type, "nat", Map.of("userData", "b", "userDataReplaceOnChange", true)))).get(0);
        var restarted = DIFFER.between(plan(state(type, "nat", Map.of("userData", "a"))),
                plan(state(type, "nat", Map.of("userData", "b")))).get(0);

        assertEquals(Verdict.REPLACE, replaced.verdict());
        assertEquals(Verdict.UPDATE, restarted.verdict());
    }

    // A real preview's own decisions -----------------------------------------------------------------

    private static PreviewDocument preview(List<Map<String, Object>> steps) {
        return PreviewDocument.parse("preview.json", GSON.toJson(Map.of("steps", steps)));
    }

    private static Map<String, Object> step(String op, Map<String, Object> old, Map<String, Object> now,
                                            Map<String, Object> extra) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("op", op);
        s.put("urn", (now != null ? now : old).get("urn"));
        if (old != null) {
            s.put("oldState", old);
        }
        if (now != null) {
            s.put("newState", now);
        }
        s.putAll(extra);
        return s;
    }

    @Test
    void aRealPreviewsOperationsAndReplaceReasonsAreTakenAsTheEngineDecidedThem() {
        var oldSubnet = state(SUBNET, "isolated-1", Map.of("cidrBlock", "10.0.34.0/24"));
        var newSubnet = state(SUBNET, "isolated-1", Map.of("cidrBlock", "10.0.51.0/24"));
        var group = state(DB_SUBNETS, "db-subnets", Map.of("subnetIds", List.of("s1")),
                Map.of("subnetIds", List.of(urn(SUBNET, "isolated-1"))));
        var oldDb = state(DB, "db", Map.of("instanceClass", "db.t4g.micro"));
        var newDb = state(DB, "db", Map.of("instanceClass", "db.t4g.small"));
        var oldQueue = state("aws:sqs/queue:Queue", "jobs", Map.of());

        var changes = DIFFER.of(preview(List.of(
                step("create-replacement", oldSubnet, newSubnet, Map.of("replaceReasons", List.of("cidrBlock"),
                        "detailedDiff", Map.of("cidrBlock", Map.of("kind", "update-replace", "inputDiff", true)))),
                step("delete-replaced", oldSubnet, null, Map.of()),
                step("same", group, group, Map.of()),
                step("update", oldDb, newDb, Map.of("diffReasons", List.of("instanceClass"),
                        "detailedDiff", Map.of("instanceClass", Map.of("kind", "update")))),
                step("delete", oldQueue, null, Map.of()))));

        assertEquals(List.of(Verdict.REPLACE, Verdict.SAME, Verdict.UPDATE, Verdict.DELETE),
                changes.stream().map(Change::verdict).toList());
        assertEquals(List.of("cidrBlock"), changes.get(0).forcingInputs());
        assertEquals("10.0.34.0/24", changes.get(0).forcing().get(0).before());
        assertEquals(true, changes.get(0).stateful() != null, "its subnet group takes its id");
        assertEquals(List.of("instanceClass"), changes.get(2).changed());
        assertEquals(List.of("isolated-1", "jobs"),
                Gate.judge(changes, List.of()).refused().stream().map(Change::name).toList());
    }

    @Test
    void aReplaceStepWithoutReasonsIsExplainedFromTheDetailedDiffOrTheTable() {
        var oldDb = state(DB, "by-diff", Map.of("engine", "postgres"));
        var newDb = state(DB, "by-diff", Map.of("engine", "mysql"));
        var oldDb2 = state(DB, "by-table", Map.of("dbName", "app"));
        var newDb2 = state(DB, "by-table", Map.of("dbName", "shop"));

        var changes = DIFFER.of(preview(List.of(
                step("replace", oldDb, newDb, Map.of("detailedDiff", Map.of("engine", Map.of("diffKind", "update-replace")))),
                step("replace", oldDb2, newDb2, Map.of()))));

        assertEquals(List.of("engine"), changes.get(0).forcingInputs());
        assertEquals(List.of("dbName"), changes.get(1).forcingInputs());
        assertEquals("ForceNew in aws_db_instance, terraform-provider-aws v5.100.0 internal/service/rds/instance.go",
                changes.get(1).forcing().get(0).why());
    }

    @Test
    void anAnnouncementLetsItsResourceThroughAndOneThatMatchesNothingIsReported() {
        var changes = DIFFER.between(plan(state(DB, "apphome-dev-db-instance", Map.of("dbName", "app"))),
                plan(state(DB, "apphome-dev-db-instance", Map.of("dbName", "shop"))));
        var announced = new ReplaceAllowance("apphome-dev-db-instance", "the shop database replaces the app one");
        var stale = new ReplaceAllowance("apphome-dev-bucket-media-bucket", "moved to the assets bucket in March");

        var gate = Gate.judge(changes, List.of(announced, stale));

        assertEquals(true, gate.passes());
        assertEquals(Map.of(changes.get(0), announced), gate.announced());
        assertEquals(List.of(stale), gate.unused());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json|{\"steps\": [|plan.json is not JSON (",
            "no steps|{\"resources\": []}|plan.json has no list of steps; expected the output of bin/plan --json or pulumi preview --json",
            "step without op|{\"steps\": [{\"urn\": \"u\"}]}|plan.json: step 1 has no op",
            "unknown op|{\"steps\": [{\"op\": \"frobnicate\", \"urn\": \"u\", \"newState\": {\"urn\": \"u\", \"type\": \"t\"}}]}|plan.json: step 1 has the operation 'frobnicate', which pulumi preview does not print; allowed: create, create-replacement,",
            "no state|{\"steps\": [{\"op\": \"create\", \"urn\": \"u\"}]}|plan.json: step 1 (u) has neither oldState nor newState",
            "state without type|{\"steps\": [{\"op\": \"create\", \"urn\": \"u\", \"newState\": {\"urn\": \"u\"}}]}|plan.json: step 1 newState has no type",
    })
    void aDocumentThatIsNotPreviewShapedIsRefusedInOneSentence(String label, String json, String message) {
        var e = assertThrows(DocumentException.class, () -> PreviewDocument.parse("plan.json", json));

        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }
}
