package dev.apphome.edge;

import dev.apphome.plan.PlanRunner;
import dev.apphome.support.Json;
import dev.apphome.support.Plans;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The variant stack {@code edge} (src/test/resources/stacks/Pulumi.edge.yaml), planned whole: every
 * capability of the edge and around it, wired together. Mocks cannot prove that AWS accepts them;
 * what is pinned is what the program asks of AWS.
 */
class EdgeStackTest {

    private static final PlanRunner.Result PLAN = Stacks.anyPlan("edge");

    @Test
    void theLoadBalancerAdmitsOnlyCloudFrontsPrefixListOn443AndNothingFromTheInternet() {
        var ingress = PLAN.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> r.name().startsWith("apphome-edge-alb-sg-in-")).toList();

        assertEquals(List.of("apphome-edge-alb-sg-in-cloudfront-443"), Plans.names(ingress));
        assertEquals("pl-4fa04526", ingress.get(0).inputString("prefixListId"));
        assertEquals(null, ingress.get(0).input("cidrIpv4"));
    }

    @Test
    void aServiceImageFromTheStacksRepositoryIsItsUrlAndTagAndItsRoleMayPullExactlyThatRepository() {
        var repository = PLAN.named("aws:ecr/repository:Repository", "apphome-edge-ecr-api-repository");
        var task = PLAN.named("aws:ecs/taskDefinition:TaskDefinition", "apphome-edge-api-task");
        var container = Plans.map(Plans.list(Json.parse(task.inputString("containerDefinitions"))).get(0));
        var pull = Json.statements(PLAN.named("aws:iam/rolePolicy:RolePolicy", "apphome-edge-api-execution"), "policy")
                .stream().filter(s -> "PullOwnImage".equals(s.get("Sid"))).findFirst().orElseThrow();

        assertEquals(repository.outputs().get("repositoryUrl") + ":1.4.2", container.get("image"));
        assertEquals(List.of(repository.outputs().get("arn")), pull.get("Resource"));
    }

    @Test
    void aServiceThatUsesTheUserPoolGetsItsIdsAsPlainVariables() {
        var task = PLAN.named("aws:ecs/taskDefinition:TaskDefinition", "apphome-edge-api-task");
        var container = Plans.map(Plans.list(Json.parse(task.inputString("containerDefinitions"))).get(0));
        var pool = PLAN.named("aws:cognito/userPool:UserPool", "apphome-edge-user-pool-pool");
        var client = PLAN.named("aws:cognito/userPoolClient:UserPoolClient", "apphome-edge-user-pool-web");

        assertTrue(Plans.list(container.get("environment")).containsAll(List.of(
                Map.of("name", "COGNITO_CLIENT_ID", "value", client.id()),
                Map.of("name", "COGNITO_USER_POOL_ID", "value", pool.id()))));
    }

    @Test
    void aStickyServicesTargetGroupKeepsClientsWithTheLoadBalancersCookie() {
        assertEquals(Map.of("enabled", true, "type", "lb_cookie", "cookieDuration", 3600L),
                PLAN.named("aws:lb/targetGroup:TargetGroup", "apphome-edge-chat-tg").input("stickiness"));
        assertEquals(null, PLAN.named("aws:lb/targetGroup:TargetGroup", "apphome-edge-api-tg").input("stickiness"));
    }

    @Test
    void theMediaBucketIsReadByItsDistributionAndItsPolicyIsWrittenOnce() {
        var policies = PLAN.ofType("aws:s3/bucketPolicy:BucketPolicy").stream()
                .filter(p -> p.name().equals("apphome-edge-bucket-media-policy")).toList();
        var statements = Json.statements(policies.get(0), "policy");
        var media = PLAN.named("aws:cloudfront/distribution:Distribution", "apphome-edge-cdn-media-distribution");

        assertEquals(1, policies.size());
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceArn", media.outputs().get("arn"))),
                statements.get(1).get("Condition"));
    }

    @Test
    void everyDistributionIsAdmittedToTheKeyByItsOwnArnAndTheTrailByItsArn() {
        var statements = Json.statements(PLAN.ofType("aws:kms/keyPolicy:KeyPolicy").get(0), "policy");
        var sids = statements.stream().map(s -> String.valueOf(s.get("Sid"))).toList();

        assertEquals(3, sids.stream().filter(s -> s.startsWith("CloudFrontDecryptsFor")).count());
        assertTrue(sids.containsAll(List.of("CloudTrailEncryptsThisTrailsLogs", "CloudTrailDescribesKey",
                "CloudTrailUsesBucketKey", "LogDeliveryEncryptsCloudFrontLogs")), sids.toString());
    }

    @Test
    void theBudgetCountsOnlyThisStacksTaggedCosts() {
        var budget = PLAN.named("aws:budgets/budget:Budget", "apphome-edge-budget");

        assertEquals(List.of(Map.of("name", "TagKeyValue", "values", List.of("user:apphome:stack$edge"))),
                budget.input("costFilters"));
        assertEquals("300.0", budget.inputString("limitAmount"));
    }
}
