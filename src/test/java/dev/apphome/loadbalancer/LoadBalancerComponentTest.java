package dev.apphome.loadbalancer;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.support.Components;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The load balancer alone, with settings built here. Mocks cannot prove ACM issues the certificate. */
class LoadBalancerComponentTest {

    private static dev.apphome.plan.PlanRunner.Result plan(Map<String, Object> values) {
        var settings = Components.settings(LoadBalancerSettings.class, values);
        return Components.declare(s -> new LoadBalancer("alb", settings, s.network(2), s.aws(), s.protection(),
                ComponentResourceOptions.Empty));
    }

    @Test
    void anExistingCertificateServesHttpsAndPort80OnlyRedirects() {
        var plan = plan(Map.of("certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123"));
        var listeners = plan.ofType("aws:lb/listener:Listener");

        assertEquals(List.of("alb-http-redirect HTTP 80 redirect", "alb-https HTTPS 443 fixed-response"), listeners.stream()
                .map(l -> l.name() + " " + l.input("protocol") + " " + l.input("port") + " " + l.input("defaultActions.0.type"))
                .sorted().toList());
        assertEquals("arn:aws:acm:eu-west-1:123456789012:certificate/abc-123",
                plan.named("aws:lb/listener:Listener", "alb-https").inputString("certificateArn"));
        assertEquals(List.of(), plan.ofType("aws:acm/certificate:Certificate"));
    }

    @Test
    void plainHttpHasOneListenerAndNoCertificate() {
        var plan = plan(Map.of("plainHttp", true, "waf", false, "accessLogs", false));

        assertEquals(List.of("alb-http"), plan.ofType("aws:lb/listener:Listener").stream().map(l -> l.name()).toList());
        assertEquals(List.of(), plan.ofType("aws:wafv2/webAcl:WebAcl"));
        assertEquals(List.of(), plan.ofType("aws:s3/bucketV2:BucketV2"));
    }

    @Test
    void aDnsValidatedCertificateIsValidatedInTheZoneAndTheDomainPointsAtTheLoadBalancer() {
        var plan = plan(Map.of("domain", "app.example.org", "hostedZoneId", "Z0ABCDEF"));
        var validation = plan.named("aws:route53/record:Record", "alb-certificate-validation");
        var alias = plan.named("aws:route53/record:Record", "alb-dns");
        var alb = plan.named("aws:lb/loadBalancer:LoadBalancer", "alb");

        assertEquals("Z0ABCDEF", validation.inputString("zoneId"));
        assertEquals("app.example.org", plan.ofType("aws:acm/certificate:Certificate").get(0).inputString("domainName"));
        // The certificate covers the domain only: without this record the URL would resolve nowhere.
        assertEquals(List.of("Z0ABCDEF", "app.example.org", "A"), List.of(alias.input("zoneId"), alias.input("name"),
                alias.input("type")));
        assertEquals(List.of(Map.of("name", alb.outputs().get("dnsName"), "zoneId", alb.outputs().get("zoneId"),
                "evaluateTargetHealth", true)), alias.input("aliases"));
    }

    /** The rules of the web ACL by name. */
    private static Map<String, Map<String, Object>> wafRules(dev.apphome.plan.PlanRunner.Result plan) {
        Map<String, Map<String, Object>> rules = new java.util.LinkedHashMap<>();
        dev.apphome.support.Plans.list(plan.ofType("aws:wafv2/webAcl:WebAcl").get(0).input("rules"))
                .forEach(r -> rules.put((String) dev.apphome.support.Plans.map(r).get("name"), dev.apphome.support.Plans.map(r)));
        return rules;
    }

    @Test
    void largeRequestBodiesAreOnlyCountedByTheManagedRulesUnlessALimitIsSet() {
        var rules = wafRules(plan(Map.of("plainHttp", true)));
        var common = dev.apphome.support.Plans.map(dev.apphome.support.Plans.map(rules.get("AWSManagedRulesCommonRuleSet")
                .get("statement")).get("managedRuleGroupStatement"));

        // SizeRestrictions_BODY blocks every body over 8 KB, the most WAF sees behind a load balancer.
        assertEquals(List.of(Map.of("name", "SizeRestrictions_BODY", "actionToUse", Map.of("count", Map.of()))),
                common.get("ruleActionOverrides"));
        assertEquals(List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerIp"), List.copyOf(rules.keySet()));
    }

    @Test
    void aBodyLimitOnPathsBlocksLargerBodiesThere() {
        var rules = wafRules(plan(Map.of("plainHttp", true, "blockBodiesOverKb", 4, "blockBodiesOnPaths",
                List.of("/api/", "/auth/"))));
        var limit = rules.get("BodySizeLimit");
        var and = dev.apphome.support.Plans.list(dev.apphome.support.Plans.map(dev.apphome.support.Plans.map(
                limit.get("statement")).get("andStatement")).get("statements"));
        var size = dev.apphome.support.Plans.map(dev.apphome.support.Plans.map(and.get(0)).get("sizeConstraintStatement"));
        var paths = dev.apphome.support.Plans.list(dev.apphome.support.Plans.map(dev.apphome.support.Plans.map(and.get(1))
                .get("orStatement")).get("statements"));

        assertEquals(List.of(4L, Map.of("block", Map.of())), List.of(limit.get("priority"), limit.get("action")));
        assertEquals(List.of("GT", 4096L, Map.of("body", Map.of("oversizeHandling", "MATCH"))),
                List.of(size.get("comparisonOperator"), size.get("size"), size.get("fieldToMatch")));
        assertEquals(List.of("/api/", "/auth/"), paths.stream().map(p -> dev.apphome.support.Plans.map(
                dev.apphome.support.Plans.map(p).get("byteMatchStatement")).get("searchString")).toList());
    }
}
