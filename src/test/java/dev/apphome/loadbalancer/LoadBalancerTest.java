package dev.apphome.loadbalancer;

import dev.apphome.common.Naming;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.dependents;
import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static dev.apphome.support.Plans.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load balancer as planned. Mocks cannot prove that ELB log delivery can write to the bucket
 * or that ACM issues the certificate; the tests pin the inputs those depend on: SSE-S3 (log
 * delivery refuses SSE-KMS buckets), the delivery principals and prefix, the validation record.
 */
class LoadBalancerTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    private static PlannedResource alb(PlanRunner.Result plan) {
        return plan.ofType("aws:lb/loadBalancer:LoadBalancer").get(0);
    }

    private static List<String> rules(PlanRunner.Result plan, PlannedResource group, String type) {
        return dependents(plan, group, type, "securityGroupId").stream()
                .map(r -> r.input("fromPort") + " " + (r.input("cidrIpv4") != null ? r.inputString("cidrIpv4")
                        : source(plan, r, "referencedSecurityGroupId").name()))
                .sorted().toList();
    }

    @Test
    void httpsStackListensOnTls13AndRedirectsPort80() {
        var plan = Stacks.plan("prod");
        var listeners = plan.ofType("aws:lb/listener:Listener");

        assertEquals(2, listeners.size());
        var https = plan.named("apphome-prod-alb-https");
        assertEquals(443L, https.input("port"));
        assertEquals("HTTPS", https.inputString("protocol"));
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", https.inputString("sslPolicy"));
        assertEquals("aws:acm/certificateValidation:CertificateValidation", source(plan, https, "certificateArn").type());
        var redirect = plan.named("apphome-prod-alb-http-redirect");
        assertEquals(80L, redirect.input("port"));
        assertEquals(List.of(Map.of("type", "redirect", "redirect",
                Map.of("port", "443", "protocol", "HTTPS", "statusCode", "HTTP_301"))), redirect.input("defaultActions"));
    }

    @Test
    void theDnsValidatedCertificateIsValidatedThroughItsRoute53Record() {
        var plan = Stacks.plan("prod");
        var record = plan.named("apphome-prod-alb-certificate-validation");
        var validation = plan.ofType("aws:acm/certificateValidation:CertificateValidation").get(0);

        assertEquals("Z0123456789EXAMPLE", record.inputString("zoneId"));
        assertEquals("CNAME", record.inputString("type"));
        assertEquals("aws:acm/certificate:Certificate", source(plan, record, "name").type());
        assertEquals(List.of(record.name()), names(sources(plan, validation, "validationRecordFqdns")));
        assertEquals("https://app.example.com", plan.stackOutputs().get("url"));
    }

    @Test
    void plainHttpStackServesPort80AndSaysSoInItsUrl() {
        var plan = Stacks.plan("dev");
        var listeners = plan.ofType("aws:lb/listener:Listener");

        assertEquals(1, listeners.size());
        assertEquals("HTTP", listeners.get(0).inputString("protocol"));
        assertEquals("fixed-response", listeners.get(0).inputString("defaultActions.0.type"));
        assertEquals(80L, listeners.get(0).input("port"));
        assertEquals(List.of("80 0.0.0.0/0"), rules(plan, source(plan, alb(plan), "securityGroups"), INGRESS));
        assertTrue(plan.stackOutputs().get("url").toString().startsWith("http://apphome-dev-alb-"));
    }

    @Test
    void theLoadBalancerIsInternetFacingInPublicSubnetsWithHardenedSettings() {
        var plan = Stacks.plan("prod");
        var alb = alb(plan);

        assertEquals(false, alb.input("internal"));
        assertEquals(List.of("apphome-prod-public-1", "apphome-prod-public-2", "apphome-prod-public-3"),
                names(sources(plan, alb, "subnets")));
        assertEquals(true, alb.input("dropInvalidHeaderFields"));
        assertEquals("defensive", alb.inputString("desyncMitigationMode"));
        assertEquals(true, alb.input("enableDeletionProtection"));
        assertEquals(false, alb(Stacks.plan("dev")).input("enableDeletionProtection"));
    }

    @Test
    void itsSecurityGroupOpensOnly80And443AndReachesOnlyWebServices() {
        var plan = Stacks.plan("prod");
        var group = source(plan, alb(plan), "securityGroups");

        assertEquals(List.of("443 0.0.0.0/0", "80 0.0.0.0/0"), rules(plan, group, INGRESS));
        assertEquals(List.of("8080 apphome-prod-api-sg"), rules(plan, group, EGRESS));
    }

    @Test
    void accessLogsGoToAPrivateSseS3BucketThatElbLogDeliveryMayWrite() {
        var plan = Stacks.plan("prod");
        var alb = alb(plan);
        var bucket = source(plan, alb, "accessLogs");
        var encryption = dependents(plan, bucket,
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "bucket").get(0);
        var policy = dependents(plan, bucket, "aws:s3/bucketPolicy:BucketPolicy", "bucket").get(0);

        assertEquals(Map.of("bucket", bucket.outputs().get("bucket"), "enabled", true, "prefix", "alb"), alb.input("accessLogs"));
        assertEquals("AES256", encryption.inputString("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        var statements = Json.statements(policy, "policy");
        assertEquals(List.of("DenyInsecureTransport", "LogDeliveryWrites", "RegionalElbAccountWrites"),
                statements.stream().map(s -> s.get("Sid")).toList());
        String logs = bucket.outputs().get("arn") + "/alb/AWSLogs/123456789012/*";
        assertEquals(Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com"), statements.get(1).get("Principal"));
        assertEquals(List.of(logs), statements.get(1).get("Resource"));
        assertEquals(Map.of("AWS", "arn:aws:iam::156460612806:root"), statements.get(2).get("Principal"));
        assertEquals(List.of(logs), statements.get(2).get("Resource"));
        assertTrue(alb.dependencies().contains(policy.urn()), "the load balancer waits for the bucket policy");
    }

    @Test
    void eachWebServiceGetsATargetGroupAndARuleWithItsPriority() {
        var plan = Stacks.plan("prod");
        var targetGroup = plan.named("apphome-prod-api-tg");
        var rule = plan.named("apphome-prod-api-rule");

        assertEquals("ip", targetGroup.inputString("targetType"));
        assertEquals(8080L, targetGroup.input("port"));
        assertEquals(Map.of("enabled", true, "healthyThreshold", 2L, "interval", 30L, "matcher", "200-399", "path", "/health",
                "port", "traffic-port", "protocol", "HTTP", "timeout", 5L, "unhealthyThreshold", 3L), targetGroup.input("healthCheck"));
        assertEquals(100L, rule.input("priority"));
        assertEquals(List.of(Map.of("pathPattern", Map.of("values", List.of("/*")))), rule.input("conditions"));
        assertEquals("apphome-prod-alb-https", source(plan, rule, "listenerArn").name());
        assertEquals(targetGroup.urn(), source(plan, rule, "actions").urn());
    }

    @Test
    void aWebFirewallWithManagedRulesAndARateLimitGuardsTheLoadBalancer() {
        var plan = Stacks.plan("prod");
        var acl = plan.ofType("aws:wafv2/webAcl:WebAcl").get(0);
        var association = plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").get(0);

        assertEquals("REGIONAL", acl.inputString("scope"));
        assertEquals(List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet",
                        "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerIp"),
                ((List<?>) acl.input("rules")).stream().map(r -> ((Map<?, ?>) r).get("name")).toList());
        assertEquals(Map.of("aggregateKeyType", "IP", "limit", 2000L, "evaluationWindowSec", 300L),
                acl.input("rules.3.statement.rateBasedStatement"));
        assertEquals(Map.of("block", Map.of()), acl.input("rules.3.action"));
        assertEquals(alb(plan).urn(), source(plan, association, "resourceArn").urn());
        assertEquals(acl.urn(), source(plan, association, "webAclArn").urn());
        assertEquals(0, Stacks.planOf(Stacks.MINIMAL.replace("plainHttp: true", "plainHttp: true\n    waf: false"))
                .ofType("aws:wafv2/webAcl:WebAcl").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"payments-reconciler", "a1"})
    void loadBalancerAndTargetGroupNamesFitAwsLimitAfterAutoNaming(String service) {
        var plan = Stacks.planOf(Stacks.MINIMAL.replace("web:", service + ":"));

        for (String type : List.of("aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup")) {
            for (PlannedResource r : plan.ofType(type)) {
                assertTrue(r.name().length() + Naming.AUTONAME_SUFFIX_LENGTH <= LoadBalancer.NAME_LIMIT, r.name());
                assertTrue(r.outputs().get("name").toString().length() <= LoadBalancer.NAME_LIMIT);
            }
        }
    }
}
