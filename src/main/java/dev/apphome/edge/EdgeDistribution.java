package dev.apphome.edge;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.KeyGroup;
import com.pulumi.aws.cloudfront.KeyGroupArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.PublicKey;
import com.pulumi.aws.cloudfront.PublicKeyArgs;
import com.pulumi.aws.cloudfront.ResponseHeadersPolicy;
import com.pulumi.aws.cloudfront.ResponseHeadersPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionCustomErrorResponseArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs;
import com.pulumi.aws.cloudwatch.LogDelivery;
import com.pulumi.aws.cloudwatch.LogDeliveryArgs;
import com.pulumi.aws.cloudwatch.LogDeliveryDestination;
import com.pulumi.aws.cloudwatch.LogDeliveryDestinationArgs;
import com.pulumi.aws.cloudwatch.LogDeliverySource;
import com.pulumi.aws.cloudwatch.LogDeliverySourceArgs;
import com.pulumi.aws.cloudwatch.inputs.LogDeliveryDestinationDeliveryDestinationConfigurationArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.common.UsEast1;
import dev.apphome.keys.EncryptionKey;
import dev.apphome.loadbalancer.WebFirewall;
import dev.apphome.schema.Rule;
import dev.apphome.storage.BucketSettings;
import dev.apphome.storage.PrivateBucket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CloudFront distribution. Viewers are redirected to HTTPS and need TLS 1.2 with the 2021
 * ciphers; HTTP/2 and HTTP/3; objects are compressed; a response-headers policy adds HSTS (one year,
 * subdomains), nosniff, {@code X-Frame-Options: DENY}, a referrer policy and, when configured, a
 * CSP. A bucket origin is read through Origin Access Control: the bucket policy admits CloudFront's
 * service principal for this distribution's ARN only, and the stack's key lets it decrypt for this
 * distribution only (the bucket is SSE-KMS). A load-balancer origin is reached over HTTPS only. What
 * CloudFront requires in us-east-1 — the certificate, the CLOUDFRONT-scope web ACL, the log delivery
 * — is declared with the stack's us-east-1 provider.
 */
public final class EdgeDistribution extends ComponentResource {

    /** CloudFront's own hosted zone, which every alias record to a distribution names. */
    public static final String CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";
    /** AWS managed cache policies and origin request policy, by their fixed ids. */
    static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    static final String ORIGIN_ID = "origin";
    static final int HSTS_SECONDS = 31_536_000;

    private final Distribution distribution;
    private final Optional<PrivateBucket> ownBucket;

    /** Where the distribution is placed: the stack's key, region provider, and log bucket. */
    public record Placement(AwsContext aws, EncryptionKey key, Output<String> keyArn, UsEast1 usEast1,
                            Optional<EdgeLogs> logs, Protection protection) {
    }

    /**
     * @param bucket             the application bucket a site or media origin serves; empty for a site with a bucket
     *                           of its own
     * @param loadBalancerDomain the name the load balancer's certificate covers, for a load-balancer origin
     */
    public EdgeDistribution(String name, DistributionSettings args, Optional<PrivateBucket> bucket,
                            Optional<String> loadBalancerDomain, Placement placement, ComponentResourceOptions options) {
        super("apphome:edge:EdgeDistribution", name, options);
        Rule.require(args);
        AwsContext aws = placement.aws();
        CustomResourceOptions child = placement.protection().child(this);
        CustomResourceOptions east = placement.usEast1().child(this);

        Optional<PrivateBucket> served = bucket;
        if (args.origin() instanceof Origin.Site && bucket.isEmpty()) {
            served = Optional.of(new PrivateBucket(Naming.child(name, "site"),
                    new BucketSettings("site", true, null, null, null, 30),
                    new PrivateBucket.Encryption.Kms(placement.keyArn()), arn -> List.of(), aws.region(),
                    placement.protection(), ComponentResourceOptions.builder().parent(this).build(), false));
            this.ownBucket = served;
        } else {
            this.ownBucket = Optional.empty();
        }
        if (args.origin() instanceof Origin.LoadBalancer && loadBalancerDomain.isEmpty()) {
            throw new IllegalArgumentException(name + ": a load-balancer origin needs the domain its certificate covers");
        }

        DistributionOriginArgs origin;
        var behavior = DistributionDefaultCacheBehaviorArgs.builder()
                .targetOriginId(ORIGIN_ID)
                .viewerProtocolPolicy("redirect-to-https")
                .compress(true)
                .responseHeadersPolicyId(headersPolicy(name, args, child).id());
        if (served.isPresent()) {
            var oac = new OriginAccessControl(Naming.child(name, "oac"), OriginAccessControlArgs.builder()
                    .name(name)
                    .description("CloudFront reads " + name + "'s bucket, signing every request")
                    .originAccessControlOriginType("s3")
                    .signingBehavior("always")
                    .signingProtocol("sigv4")
                    .build(), child);
            origin = DistributionOriginArgs.builder()
                    .originId(ORIGIN_ID)
                    .domainName(served.get().regionalDomainName())
                    .originAccessControlId(oac.id())
                    .build();
            behavior.allowedMethods("GET", "HEAD", "OPTIONS").cachedMethods("GET", "HEAD");
            if (args.origin() instanceof Origin.Media media) {
                behavior.cachePolicyId(mediaCachePolicy(name, media, child).id());
                if (media.signedUrlsPublicKey() != null) {
                    var key = new PublicKey(Naming.child(name, "signing-key"), PublicKeyArgs.builder()
                            .name(name + "-signing")
                            .comment("Verifies signed URLs of " + name)
                            .encodedKey(media.signedUrlsPublicKey())
                            .build(), child);
                    var group = new KeyGroup(Naming.child(name, "signers"), KeyGroupArgs.builder()
                            .name(name + "-signers")
                            .items(key.id().applyValue(List::of))
                            .build(), child);
                    behavior.trustedKeyGroups(group.id().applyValue(List::of));
                }
            } else {
                behavior.cachePolicyId(CACHING_OPTIMIZED);
            }
        } else {
            origin = DistributionOriginArgs.builder()
                    .originId(ORIGIN_ID)
                    .domainName(loadBalancerDomain.orElseThrow())
                    .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                            .httpPort(80).httpsPort(443)
                            .originProtocolPolicy("https-only")
                            .originSslProtocols("TLSv1.2")
                            .build())
                    .build();
            behavior.allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
                    .cachedMethods("GET", "HEAD")
                    .cachePolicyId(CACHING_DISABLED)
                    .originRequestPolicyId(ALL_VIEWER_EXCEPT_HOST_HEADER);
        }

        var distributionArgs = DistributionArgs.builder()
                .comment(name)
                .enabled(true)
                .isIpv6Enabled(true)
                .httpVersion("http2and3")
                .priceClass(args.priceClass().cloudFront)
                .origins(origin)
                .defaultCacheBehavior(behavior.build())
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build())
                        .build())
                .viewerCertificate(viewerCertificate(name, args, east, child))
                .waitForDeployment(false);
        if (!args.aliases().isEmpty()) {
            distributionArgs.aliases(args.aliases());
        }
        if (args.origin() instanceof Origin.Site site) {
            distributionArgs.defaultRootObject(site.defaultRootObject());
            if (site.spaFallback()) {
                distributionArgs.customErrorResponses(List.of(fallback(403), fallback(404)));
            }
        }
        if (args.waf()) {
            distributionArgs.webAclId(webAcl(name, args, east).arn());
        }
        this.distribution = new Distribution(Naming.child(name, "distribution"), distributionArgs.build(), child);

        served.ifPresent(b -> b.grant(arn -> readByThisDistribution(arn, distribution.arn())));
        placement.key().grant(decryptForThisDistribution(aws, distribution.arn()));
        ownBucket.ifPresent(PrivateBucket::complete);

        if (args.hostedZoneId() != null) {
            for (String alias : args.aliases()) {
                for (String type : List.of("A", "AAAA")) {
                    new Record(Naming.child(name, alias.replace("*", "wildcard") + "-" + type.toLowerCase()), RecordArgs.builder()
                            .zoneId(args.hostedZoneId())
                            .name(alias)
                            .type(type)
                            .aliases(RecordAliasArgs.builder()
                                    .name(distribution.domainName())
                                    .zoneId(CLOUDFRONT_ZONE_ID)
                                    .evaluateTargetHealth(false)
                                    .build())
                            .build(), child);
                }
            }
        }
        if (args.accessLogs() && placement.logs().isPresent()) {
            placement.logs().get().deliver(this, name, distribution.arn(), placement.usEast1());
        }
        registerOutputs(Map.of("domainName", distribution.domainName(), "arn", distribution.arn()));
    }

    private ResponseHeadersPolicy headersPolicy(String name, DistributionSettings args, CustomResourceOptions child) {
        var security = ResponseHeadersPolicySecurityHeadersConfigArgs.builder()
                .strictTransportSecurity(ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs.builder()
                        .accessControlMaxAgeSec(HSTS_SECONDS).includeSubdomains(true).preload(false).override(true).build())
                .contentTypeOptions(ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs.builder()
                        .override(true).build())
                .frameOptions(ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs.builder()
                        .frameOption("DENY").override(true).build())
                .referrerPolicy(ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs.builder()
                        .referrerPolicy("strict-origin-when-cross-origin").override(true).build());
        if (args.contentSecurityPolicy() != null) {
            security.contentSecurityPolicy(ResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicyArgs.builder()
                    .contentSecurityPolicy(args.contentSecurityPolicy()).override(true).build());
        }
        return new ResponseHeadersPolicy(Naming.child(name, "headers"), ResponseHeadersPolicyArgs.builder()
                .name(name + "-security-headers")
                .comment("Security headers for " + name)
                .securityHeadersConfig(security.build())
                .build(), child);
    }

    private static CachePolicy mediaCachePolicy(String name, Origin.Media media, CustomResourceOptions child) {
        return new CachePolicy(Naming.child(name, "cache"), CachePolicyArgs.builder()
                .name(name + "-media")
                .comment("Media: long TTLs, nothing but the path in the cache key")
                .minTtl(0)
                .defaultTtl(Math.min(media.defaultTtlSeconds(), media.maxTtlSeconds()))
                .maxTtl(media.maxTtlSeconds())
                .parametersInCacheKeyAndForwardedToOrigin(CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                        .enableAcceptEncodingGzip(true)
                        .enableAcceptEncodingBrotli(true)
                        .cookiesConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs.builder()
                                .cookieBehavior("none").build())
                        .headersConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                                .headerBehavior("none").build())
                        .queryStringsConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs.builder()
                                .queryStringBehavior("none").build())
                        .build())
                .build(), child);
    }

    private static DistributionCustomErrorResponseArgs fallback(int code) {
        return DistributionCustomErrorResponseArgs.builder()
                .errorCode(code).responseCode(200).responsePagePath("/index.html").errorCachingMinTtl(10).build();
    }

    /** An ACM certificate in us-east-1 validated in the aliases' zone, an existing one, or CloudFront's own. */
    private DistributionViewerCertificateArgs viewerCertificate(String name, DistributionSettings args,
                                                                CustomResourceOptions east, CustomResourceOptions child) {
        if (args.aliases().isEmpty()) {
            // *.cloudfront.net: CloudFront's certificate, whose TLS floor CloudFront sets itself.
            return DistributionViewerCertificateArgs.builder().cloudfrontDefaultCertificate(true).build();
        }
        Output<String> arn;
        if (args.certificateArn() != null) {
            arn = Output.of(args.certificateArn());
        } else {
            var certificate = new Certificate(Naming.child(name, "certificate"), CertificateArgs.builder()
                    .domainName(args.aliases().get(0))
                    .subjectAlternativeNames(args.aliases().subList(1, args.aliases().size()))
                    .validationMethod("DNS")
                    .keyAlgorithm("RSA_2048")
                    .build(), east);
            List<Resource> records = new ArrayList<>();
            List<Output<String>> fqdns = new ArrayList<>();
            for (int i = 0; i < args.aliases().size(); i++) {
                String domain = args.aliases().get(i);
                Output<CertificateDomainValidationOption> option = certificate.domainValidationOptions()
                        .applyValue(options -> options.stream().filter(o -> domain.equals(o.domainName().orElse(null)))
                                .findFirst().orElseThrow());
                var record = new Record(Naming.child(name, "certificate-validation-" + i), RecordArgs.builder()
                        .zoneId(args.hostedZoneId())
                        .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                        .type(option.applyValue(o -> Either.<String, com.pulumi.aws.route53.enums.RecordType>ofLeft(
                                o.resourceRecordType().orElseThrow())))
                        .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                        .ttl(300)
                        .allowOverwrite(true)
                        .build(), child);
                records.add(record);
                fqdns.add(record.fqdn());
            }
            var validation = new CertificateValidation(Naming.child(name, "certificate"), CertificateValidationArgs.builder()
                    .certificateArn(certificate.arn())
                    .validationRecordFqdns(Output.all(fqdns))
                    .build(), east);
            arn = validation.certificateArn();
        }
        return DistributionViewerCertificateArgs.builder()
                .acmCertificateArn(arn)
                .sslSupportMethod("sni-only")
                .minimumProtocolVersion("TLSv1.2_2021")
                .build();
    }

    private static WebAcl webAcl(String name, DistributionSettings args, CustomResourceOptions east) {
        return new WebAcl(Naming.child(name, "waf"), WebAclArgs.builder()
                .description("Managed rule groups and a per-IP rate limit in front of " + name)
                .scope("CLOUDFRONT")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(WebFirewall.managedRules(args.rateLimitPer5Minutes()))
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).metricName(name).sampledRequestsEnabled(true).build())
                .build(), east);
    }

    /** The bucket-policy statement of Origin Access Control: CloudFront may get objects for this distribution only. */
    static Map<String, Object> readByThisDistribution(Output<String> bucketArn, Output<String> distributionArn) {
        return PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("CloudFrontReadsForOneDistribution", List.of("s3:GetObject"),
                                List.of(bucketArn.applyValue(arn -> arn + "/*"))),
                        "Service", "cloudfront.amazonaws.com"),
                Map.of("StringEquals", Map.of("aws:SourceArn", distributionArn)));
    }

    /**
     * The key-policy statement an SSE-KMS bucket behind Origin Access Control needs: CloudFront may
     * decrypt for this distribution only. The sid names the distribution's ARN's id part, so that
     * several distributions' statements stay distinct.
     */
    static Map<String, Object> decryptForThisDistribution(AwsContext aws, Output<String> distributionArn) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", distributionArn.applyValue(arn -> "CloudFrontDecryptsFor"
                + arn.substring(arn.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9]", "")));
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", "cloudfront.amazonaws.com"));
        statement.put("Action", List.of("kms:Decrypt"));
        statement.put("Resource", List.of("*"));
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceArn", distributionArn)));
        return statement;
    }

    public Output<String> domainName() {
        return distribution.domainName();
    }

    public Output<String> arn() {
        return distribution.arn();
    }

    /** The bucket the distribution made for itself (a site without {@code bucket}). */
    public Optional<PrivateBucket> ownBucket() {
        return ownBucket;
    }
}
