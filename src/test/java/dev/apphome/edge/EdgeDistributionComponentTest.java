package dev.apphome.edge;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.common.UsEast1;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.keys.EncryptionKey;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.storage.BucketSettings;
import dev.apphome.storage.PrivateBucket;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One distribution alone, with its key, bucket and us-east-1 provider made here. Mocks cannot prove
 * that CloudFront accepts the certificate (ACM must have issued it in us-east-1), that S3 and KMS
 * evaluate the Origin Access Control statements as the AWS guide "Restricting access to an Amazon S3
 * origin" describes, or that log delivery writes across regions into the bucket: what is pinned here
 * is exactly what the program asks for — statements, conditions, and which provider each resource
 * was registered with, as the engine receives it.
 */
class EdgeDistributionComponentTest {

    private static PlanRunner.Result plan(Map<String, Object> values, boolean ownBucket) {
        var settings = Components.settings(DistributionSettings.class, values);
        return Components.declare(s -> {
            var key = new EncryptionKey("key", s.aws(), "test", s.protection(), true, ComponentResourceOptions.Empty);
            var usEast1 = UsEast1.create("test");
            Optional<PrivateBucket> bucket = ownBucket ? Optional.empty() : Optional.of(new PrivateBucket("assets",
                    new BucketSettings("assets", true, null, null, null, 30), new PrivateBucket.Encryption.Kms(key.arn()),
                    arn -> List.of(), Components.REGION, s.protection(), ComponentResourceOptions.Empty, false));
            var logs = new EdgeLogs("logs", "test-cdn", 30, s.aws(), key, key.arn(), s.protection(),
                    ComponentResourceOptions.Empty);
            new EdgeDistribution("test-cdn-web", settings, bucket, Optional.of("origin.example.com"),
                    new EdgeDistribution.Placement(s.aws(), key, key.arn(), usEast1, Optional.of(logs), s.protection()),
                    ComponentResourceOptions.Empty);
            var keyPolicy = key.complete().orElseThrow();
            logs.start(List.of(keyPolicy));
            bucket.ifPresent(PrivateBucket::complete);
        });
    }

    private static final Map<String, Object> SITE = Map.of("origin", "site", "bucket", "assets", "spaFallback", true,
            "aliases", List.of("www.example.com"), "hostedZoneId", "Z0ABCDEF");

    private static PlannedResource distribution(PlanRunner.Result plan) {
        return plan.ofType("aws:cloudfront/distribution:Distribution").get(0);
    }

    @Test
    void theBucketPolicyAdmitsCloudFrontForThisDistributionsArnOnly() {
        var plan = plan(SITE, false);
        var statements = Json.statements(plan.named("aws:s3/bucketPolicy:BucketPolicy", "assets-policy"), "policy");
        var bucketArn = plan.named("aws:s3/bucketV2:BucketV2", "assets-bucket").outputs().get("arn");

        assertEquals(List.of("DenyInsecureTransport", "CloudFrontReadsForOneDistribution"),
                statements.stream().map(st -> st.get("Sid")).toList());
        assertEquals(Map.of("Sid", "CloudFrontReadsForOneDistribution", "Effect", "Allow",
                "Principal", Map.of("Service", "cloudfront.amazonaws.com"), "Action", List.of("s3:GetObject"),
                "Resource", List.of(bucketArn + "/*"),
                "Condition", Map.of("StringEquals", Map.of("aws:SourceArn", distribution(plan).outputs().get("arn")))),
                statements.get(1));
    }

    @Test
    void theKeyLetsCloudFrontDecryptForThisDistributionOnly() {
        var plan = plan(SITE, false);
        var statements = Json.statements(plan.ofType("aws:kms/keyPolicy:KeyPolicy").get(0), "policy");
        String arn = (String) distribution(plan).outputs().get("arn");
        var decrypt = statements.stream().filter(st -> String.valueOf(st.get("Sid")).startsWith("CloudFrontDecrypts"))
                .toList();

        assertEquals(1, decrypt.size());
        assertEquals(Map.of("Sid", "CloudFrontDecryptsFor" + arn.substring(arn.lastIndexOf('/') + 1), "Effect", "Allow",
                "Principal", Map.of("Service", "cloudfront.amazonaws.com"), "Action", List.of("kms:Decrypt"),
                "Resource", List.of("*"), "Condition", Map.of("StringEquals", Map.of("aws:SourceArn", arn))),
                decrypt.get(0));
        // The key keeps its first policy as an input; the key-policy resource owns the whole policy from then on.
        assertEquals(List.of("AccountAdministersKey", "CloudWatchLogsEncryptsThisAccountsLogGroups",
                "CloudWatchAlarmsPublishToEncryptedTopic"), statements.subList(0, 3).stream().map(st -> st.get("Sid")).toList());
    }

    @Test
    void theCertificateAndTheWebAclAreDeclaredWithTheUsEast1ProviderAndTheRestWithTheStacks() {
        var plan = plan(SITE, false);
        var provider = plan.ofType("pulumi:providers:aws").get(0);

        assertEquals("us-east-1", provider.inputString("region"));
        for (String type : List.of("aws:acm/certificate:Certificate", "aws:acm/certificateValidation:CertificateValidation",
                "aws:wafv2/webAcl:WebAcl", "aws:cloudwatch/logDeliverySource:LogDeliverySource",
                "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "aws:cloudwatch/logDelivery:LogDelivery")) {
            assertEquals(provider.urn(), plan.ofType(type).get(0).providerUrn(), type);
        }
        for (String type : List.of("aws:cloudfront/distribution:Distribution", "aws:route53/record:Record",
                "aws:s3/bucketV2:BucketV2", "aws:cloudfront/originAccessControl:OriginAccessControl")) {
            assertEquals("", plan.ofType(type).get(0).providerUrn(), type);
        }
        var waf = plan.ofType("aws:wafv2/webAcl:WebAcl").get(0);
        assertEquals("CLOUDFRONT", waf.inputString("scope"));
        assertEquals(waf.outputs().get("arn"), distribution(plan).inputString("webAclId"));
        assertEquals(List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerIp"), dev.apphome.support.Plans.list(waf.input("rules"))
                .stream().map(r -> dev.apphome.support.Plans.map(r).get("name")).toList());
    }

    @Test
    void viewersGetHttpsOnlyWithTls12_2021Http3AndCompression() {
        var d = distribution(plan(SITE, false));

        assertEquals("redirect-to-https", d.inputString("defaultCacheBehavior.viewerProtocolPolicy"));
        assertEquals(true, d.input("defaultCacheBehavior.compress"));
        assertEquals("TLSv1.2_2021", d.inputString("viewerCertificate.minimumProtocolVersion"));
        assertEquals("sni-only", d.inputString("viewerCertificate.sslSupportMethod"));
        assertEquals("http2and3", d.inputString("httpVersion"));
        assertEquals(true, d.input("isIpv6Enabled"));
        assertEquals("index.html", d.inputString("defaultRootObject"));
        assertEquals(EdgeDistribution.CACHING_OPTIMIZED, d.inputString("defaultCacheBehavior.cachePolicyId"));
        assertEquals(List.of(Map.of("errorCode", 403L, "responseCode", 200L, "responsePagePath", "/index.html",
                        "errorCachingMinTtl", 10L), Map.of("errorCode", 404L, "responseCode", 200L,
                        "responsePagePath", "/index.html", "errorCachingMinTtl", 10L)), d.input("customErrorResponses"));
        assertEquals(null, d.input("origins.0.customOriginConfig"));
    }

    @Test
    void everyAliasGetsAnAAndAnAaaaRecordToCloudFrontsZone() {
        var plan = plan(SITE, false);
        var records = plan.ofType("aws:route53/record:Record").stream()
                .filter(r -> r.input("aliases") != null).toList();

        assertEquals(List.of("A", "AAAA"), records.stream().map(r -> r.inputString("type")).sorted().toList());
        for (var r : records) {
            assertEquals("www.example.com", r.inputString("name"));
            assertEquals("Z0ABCDEF", r.inputString("zoneId"));
            assertEquals(List.of(Map.of("name", distribution(plan).outputs().get("domainName"), "zoneId", "Z2FDTNDATAQYW2",
                    "evaluateTargetHealth", false)), r.input("aliases"));
        }
    }

    @Test
    void responsesCarryHstsForAYearNosniffDenyFramesAReferrerPolicyAndNoCspUnlessAsked() {
        var headers = plan(SITE, false).ofType("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy").get(0);

        assertEquals(Map.of("strictTransportSecurity", Map.of("accessControlMaxAgeSec", 31536000L, "includeSubdomains", true,
                        "preload", false, "override", true),
                "contentTypeOptions", Map.of("override", true),
                "frameOptions", Map.of("frameOption", "DENY", "override", true),
                "referrerPolicy", Map.of("referrerPolicy", "strict-origin-when-cross-origin", "override", true)),
                headers.input("securityHeadersConfig"));
    }

    @Test
    void aSiteWithoutABucketGetsItsOwnEncryptedBucketReadOnlyByItself() {
        var values = new HashMap<>(SITE);
        values.remove("bucket");
        var plan = plan(values, true);
        var statements = Json.statements(plan.named("aws:s3/bucketPolicy:BucketPolicy", "test-cdn-web-site-policy"), "policy");

        assertEquals(List.of("DenyInsecureTransport", "CloudFrontReadsForOneDistribution"),
                statements.stream().map(st -> st.get("Sid")).toList());
        assertEquals("aws:kms", plan.named("aws:s3/bucketServerSideEncryptionConfigurationV2:"
                + "BucketServerSideEncryptionConfigurationV2", "test-cdn-web-site-encryption")
                .inputString("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
    }

    @Test
    void mediaIsCachedLongAndSignedUrlsGoThroughAKeyGroupOfTheStacksKey() {
        var plan = plan(Map.of("origin", "media", "bucket", "assets", "defaultTtlSeconds", 604800,
                "signedUrlsPublicKey", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"), false);
        var cache = plan.ofType("aws:cloudfront/cachePolicy:CachePolicy").get(0);
        var group = plan.ofType("aws:cloudfront/keyGroup:KeyGroup").get(0);
        var key = plan.ofType("aws:cloudfront/publicKey:PublicKey").get(0);

        assertEquals(List.of(0L, 604800L, 31536000L), List.of(cache.input("minTtl"), cache.input("defaultTtl"),
                cache.input("maxTtl")));
        assertEquals(cache.id(), distribution(plan).inputString("defaultCacheBehavior.cachePolicyId"));
        assertEquals(List.of(key.id()), group.input("items"));
        assertEquals(List.of(group.id()), distribution(plan).input("defaultCacheBehavior.trustedKeyGroups"));
        // No aliases: CloudFront's own certificate, whose TLS floor CloudFront sets.
        assertEquals(Map.of("cloudfrontDefaultCertificate", true), distribution(plan).input("viewerCertificate"));
    }

    @Test
    void theLoadBalancerIsReachedOverHttpsOnlyAtItsCertificatesNameWithoutCaching() {
        var plan = plan(Map.of("origin", "loadBalancer", "aliases", List.of("api.example.com"),
                "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc"), true);
        var d = distribution(plan);

        assertEquals("origin.example.com", d.inputString("origins.0.domainName"));
        assertEquals(Map.of("httpPort", 80L, "httpsPort", 443L, "originProtocolPolicy", "https-only",
                "originSslProtocols", List.of("TLSv1.2")), d.input("origins.0.customOriginConfig"));
        assertEquals(EdgeDistribution.CACHING_DISABLED, d.inputString("defaultCacheBehavior.cachePolicyId"));
        assertEquals(EdgeDistribution.ALL_VIEWER_EXCEPT_HOST_HEADER,
                d.inputString("defaultCacheBehavior.originRequestPolicyId"));
        assertEquals("arn:aws:acm:us-east-1:123456789012:certificate/abc", d.inputString("viewerCertificate.acmCertificateArn"));
        assertEquals(List.of(), plan.ofType("aws:acm/certificate:Certificate"));
    }

    @Test
    void logDeliveryMayWriteOnlyForThisAccountsCloudFrontSourcesAndWaitsForTheKeyPolicy() {
        var plan = plan(SITE, false);
        var statements = Json.statements(plan.named("aws:s3/bucketPolicy:BucketPolicy", "logs-bucket-policy"), "policy");
        String sources = "arn:aws:logs:us-east-1:123456789012:delivery-source:test-cdn*";
        var delivery = plan.ofType("aws:cloudwatch/logDelivery:LogDelivery").get(0);

        assertEquals(Map.of("StringEquals", Map.of("s3:x-amz-acl", "bucket-owner-full-control",
                "aws:SourceAccount", "123456789012"), "ArnLike", Map.of("aws:SourceArn", sources)),
                statements.get(1).get("Condition"));
        assertEquals(Map.of("Service", "delivery.logs.amazonaws.com"), statements.get(1).get("Principal"));
        assertEquals("test-cdn-web", plan.ofType("aws:cloudwatch/logDeliverySource:LogDeliverySource").get(0)
                .inputString("name"));
        assertTrue(delivery.dependencies().contains(plan.ofType("aws:kms/keyPolicy:KeyPolicy").get(0).urn()));
    }

    private static String problems(Map<String, Object> values) {
        return assertThrows(InvalidSettingsException.class,
                () -> Components.settings(DistributionSettings.class, values)).getMessage();
    }

    @Test
    void aCertificateOutsideUsEast1IsRefusedBeforeAnythingIsDeclared() {
        String message = problems(Map.of("origin", "site", "aliases", List.of("www.example.com"),
                "certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/abc"));

        assertTrue(message.contains("DistributionSettings.certificateArn: found a certificate in eu-west-1; allowed: an ACM "
                + "certificate in us-east-1 (CloudFront takes viewer certificates only from there; request or import it "
                + "there), or hostedZoneId to have one made"), message);
    }

    @Test
    void anAliasWithoutAHostedZoneOrCertificateIsRefused() {
        String message = problems(Map.of("origin", "site", "aliases", List.of("www.example.com")));

        assertTrue(message.contains("DistributionSettings.aliases: found [www.example.com] without hostedZoneId or "
                + "certificateArn, so no certificate could cover them; allowed: hostedZoneId (a certificate validated in "
                + "that zone, and alias records), or certificateArn (an ACM certificate in us-east-1)"), message);
    }
}
