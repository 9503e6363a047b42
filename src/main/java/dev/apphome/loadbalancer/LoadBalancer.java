package dev.apphome.loadbalancer;

import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.lb.inputs.TargetGroupStickinessArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.schema.Rule;
import dev.apphome.network.Firewall;
import dev.apphome.network.Network;
import dev.apphome.network.SubnetTier;
import dev.apphome.storage.BucketSettings;
import dev.apphome.storage.PrivateBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The internet-facing Application Load Balancer in the public subnets. With a certificate it
 * listens on 443 with a TLS 1.3 policy and port 80 only redirects; without one (a stack that spells
 * out {@code plainHttp: true}) it serves plain HTTP on 80. Unmatched requests get a 404; each web
 * service adds its own target group and rule through {@link #route}.
 */
public final class LoadBalancer extends ComponentResource {

    /** Maximum length of load balancer and target group names. */
    public static final int NAME_LIMIT = 32;
    static final String LOG_PREFIX = "alb";

    private final com.pulumi.aws.lb.LoadBalancer alb;
    private final Firewall firewall;
    private final Listener entry;
    private final Output<String> vpcId;
    private final Output<String> url;

    public LoadBalancer(String name, LoadBalancerSettings args, Network network, AwsContext aws,
                        Protection protection, ComponentResourceOptions options) {
        this(name, args, network, aws, Optional.empty(), protection, options);
    }

    /**
     * @param onlyFrom a managed prefix list (CloudFront's origin-facing addresses) that alone may reach
     *                 the load balancer, on 443 only, instead of the whole internet on 80 and 443
     */
    public LoadBalancer(String name, LoadBalancerSettings args, Network network, AwsContext aws,
                        Optional<Output<String>> onlyFrom, Protection protection, ComponentResourceOptions options) {
        super("apphome:loadbalancer:LoadBalancer", name, options);
        Rule.require(args);
        boolean https = args.https();
        if (onlyFrom.isPresent() && !https) {
            throw new IllegalArgumentException("CloudFront reaches a load balancer over HTTPS only; this one has no "
                    + "certificate");
        }
        this.vpcId = network.vpcId();
        CustomResourceOptions child = protection.child(this);

        if (onlyFrom.isPresent()) {
            this.firewall = new Firewall(name, "CloudFront to the load balancer on 443", network.vpcId(), this);
            firewall.admitPrefixList("cloudfront", onlyFrom.get(), 443, "HTTPS from CloudFront's origin-facing addresses");
        } else {
            this.firewall = new Firewall(name, "Internet to the load balancer on " + (https ? "80 and 443" : "80"),
                    network.vpcId(), this);
            firewall.admitInternet(80, https ? "HTTP from the internet, redirected to HTTPS" : "HTTP from the internet");
            if (https) {
                firewall.admitInternet(443, "HTTPS from the internet");
            }
        }

        List<Resource> albDependencies = new ArrayList<>();
        LoadBalancerAccessLogsArgs accessLogs = null;
        if (args.accessLogs()) {
            var logBucket = new PrivateBucket(Naming.child(name, "logs"),
                    new BucketSettings("logs", true, null, null, args.accessLogRetentionDays(), 30),
                    new PrivateBucket.Encryption.S3Managed(),
                    arn -> logDeliveryStatements(arn, aws), aws.region(),
                    protection, ComponentResourceOptions.builder().parent(this).build());
            albDependencies.add(logBucket.policy());
            accessLogs = LoadBalancerAccessLogsArgs.builder()
                    .bucket(logBucket.bucketName())
                    .prefix(LOG_PREFIX)
                    .enabled(true)
                    .build();
        }

        var lbArgs = LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .ipAddressType("ipv4")
                .subnets(network.ids(SubnetTier.PUBLIC))
                .securityGroups(firewall.id().applyValue(List::of))
                .dropInvalidHeaderFields(true)
                .desyncMitigationMode("defensive")
                .enableDeletionProtection(args.deletionProtection())
                .idleTimeout(args.idleTimeoutSeconds());
        if (accessLogs != null) {
            lbArgs.accessLogs(accessLogs);
        }
        this.alb = new com.pulumi.aws.lb.LoadBalancer(Naming.fitting(name, NAME_LIMIT), lbArgs.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(albDependencies).build());

        if (args.waf()) {
            WebFirewall.protect(name, alb.arn(), args, child);
        }

        var notFound = ListenerDefaultActionArgs.builder()
                .type("fixed-response")
                .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                        .contentType("text/plain").messageBody("Not found").statusCode("404").build())
                .build();
        if (https) {
            Output<String> certificateArn = certificate(name, args.certificate(), child);
            this.entry = new Listener(Naming.child(name, "https"), ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(443)
                    .protocol("HTTPS")
                    .sslPolicy(args.sslPolicy())
                    .certificateArn(certificateArn)
                    .defaultActions(notFound)
                    .build(), child);
            new Listener(Naming.child(name, "http-redirect"), ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(80)
                    .protocol("HTTP")
                    .defaultActions(ListenerDefaultActionArgs.builder()
                            .type("redirect")
                            .redirect(ListenerDefaultActionRedirectArgs.builder()
                                    .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                            .build())
                    .build(), child);
            if (args.certificate() instanceof Certificate.DnsValidated dns) {
                // The certificate covers the domain only, so the domain must resolve to the load balancer.
                new Record(Naming.child(name, "dns"), RecordArgs.builder()
                        .zoneId(dns.hostedZoneId())
                        .name(dns.domain())
                        .type("A")
                        .aliases(RecordAliasArgs.builder()
                                .name(alb.dnsName())
                                .zoneId(alb.zoneId())
                                .evaluateTargetHealth(true)
                                .build())
                        .build(), child);
                this.url = Output.of("https://" + dns.domain());
            } else {
                this.url = alb.dnsName().applyValue(dns -> "https://" + dns);
            }
        } else {
            this.entry = new Listener(Naming.child(name, "http"), ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(80)
                    .protocol("HTTP")
                    .defaultActions(notFound)
                    .build(), child);
            this.url = alb.dnsName().applyValue(dns -> "http://" + dns);
        }
        registerOutputs(Map.of("dnsName", alb.dnsName(), "url", url));
    }

    private static List<Map<String, Object>> logDeliveryStatements(Output<String> bucketArn, AwsContext aws) {
        Output<String> objects = Output.tuple(bucketArn, aws.accountId())
                .applyValue(t -> t.t1 + "/" + LOG_PREFIX + "/AWSLogs/" + t.t2 + "/*");
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyDocument.withPrincipal(
                PolicyDocument.allow("LogDeliveryWrites", List.of("s3:PutObject"), List.of(objects)),
                "Service", ElbLogDelivery.SERVICE_PRINCIPAL));
        ElbLogDelivery.regionalAccountArn(aws.region(), aws.partition()).ifPresent(account ->
                statements.add(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("RegionalElbAccountWrites", List.of("s3:PutObject"), List.of(objects)),
                        "AWS", account)));
        return statements;
    }

    private Output<String> certificate(String name, Certificate certificate, CustomResourceOptions child) {
        if (certificate instanceof Certificate.Existing existing) {
            return Output.of(existing.certificateArn());
        }
        if (certificate instanceof Certificate.DnsValidated dns) {
            {
                var requested = new com.pulumi.aws.acm.Certificate(Naming.child(name, "certificate"), CertificateArgs.builder()
                        .domainName(dns.domain())
                        .validationMethod("DNS")
                        .keyAlgorithm("RSA_2048")
                        .build(), CustomResourceOptions.builder().parent(this)
                        // A certificate in use by a listener cannot be deleted first.
                        .deleteBeforeReplace(false).build());
                Output<CertificateDomainValidationOption> option =
                        requested.domainValidationOptions().applyValue(options -> options.get(0));
                var record = new Record(Naming.child(name, "certificate-validation"), RecordArgs.builder()
                        .zoneId(dns.hostedZoneId())
                        .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                        .type(option.applyValue(o -> com.pulumi.core.Either.<String, com.pulumi.aws.route53.enums.RecordType>ofLeft(o.resourceRecordType().orElseThrow())))
                        .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                        .ttl(300)
                        .allowOverwrite(true)
                        .build(), child);
                var validation = new CertificateValidation(Naming.child(name, "certificate"), CertificateValidationArgs.builder()
                        .certificateArn(requested.arn())
                        .validationRecordFqdns(record.fqdn().applyValue(List::of))
                        .build(), child);
                return validation.certificateArn();
            }
        }
        throw new IllegalStateException("no certificate for an HTTPS listener");
    }

    /**
     * Sends requests that match the service's routing rule to a new target group of the service's
     * tasks, and lets this load balancer's security group reach the service's on its port.
     *
     * @param owner         the service component; the target group and rule are its children
     * @param ownerFirewall the service's security group
     * @return the target group, whose ARN the ECS service registers tasks in
     */
    public Routed route(Resource owner, String ownerName, WebTarget service, Firewall ownerFirewall) {
        ownerFirewall.admit(firewall, service.port(), "From the load balancer to " + service.name());
        WebTarget.Probe health = service.probe();
        var targetGroupArgs = TargetGroupArgs.builder();
        if (service.routing().stickySeconds() != null) {
            targetGroupArgs.stickiness(TargetGroupStickinessArgs.builder()
                    .enabled(true)
                    .type("lb_cookie")
                    .cookieDuration(service.routing().stickySeconds())
                    .build());
        }
        var targetGroup = new TargetGroup(Naming.fitting(Naming.child(ownerName, "tg"), NAME_LIMIT), targetGroupArgs
                .targetType("ip")
                .protocol("HTTP")
                .port(service.port())
                .vpcId(vpcId)
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .path(health.path())
                        .port("traffic-port")
                        .interval(health.intervalSeconds())
                        .timeout(health.timeoutSeconds())
                        .healthyThreshold(health.healthyThreshold())
                        .unhealthyThreshold(health.unhealthyThreshold())
                        .matcher(health.matcher())
                        .build())
                .build(), CustomResourceOptions.builder().parent(owner).build());
        List<ListenerRuleConditionArgs> conditions = new ArrayList<>();
        if (!service.routing().paths().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                    .values(service.routing().paths()).build()).build());
        }
        if (!service.routing().hosts().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().hostHeader(ListenerRuleConditionHostHeaderArgs.builder()
                    .values(service.routing().hosts()).build()).build());
        }
        if (conditions.isEmpty()) {
            // A rule needs a condition; "any path" says "everything not matched by a lower priority".
            conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                    .values("/*").build()).build());
        }
        var rule = new ListenerRule(Naming.child(ownerName, "rule"), ListenerRuleArgs.builder()
                .listenerArn(entry.arn())
                .priority(service.routing().priority())
                .conditions(conditions)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build())
                .build(), CustomResourceOptions.builder().parent(owner).build());
        return new Routed(targetGroup, rule);
    }

    /** What {@link #route} made. */
    public record Routed(TargetGroup targetGroup, ListenerRule rule) {
    }

    public Output<String> arnSuffix() {
        return alb.arnSuffix();
    }

    public Output<String> dnsName() {
        return alb.dnsName();
    }

    public Output<String> url() {
        return url;
    }
}
