package dev.apphome.loadbalancer;

import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementAndStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchUriPathArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementOrStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementSizeConstraintStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementSizeConstraintStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementSizeConstraintStatementFieldToMatchBodyArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementSizeConstraintStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;

import java.util.ArrayList;
import java.util.List;

/**
 * The load balancer's web application firewall: AWS's managed rule groups for common exploits,
 * known bad inputs and IP addresses with a bad reputation, a per-IP rate limit, and, where the
 * stack asks, a limit on request body sizes. Every rule publishes CloudWatch metrics and sampled
 * requests.
 */
public final class WebFirewall {

    /** AWS managed rule groups, in evaluation order. */
    static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet");

    /**
     * The common rule set's rule that blocks every request body over 8 KB (the most WAF inspects
     * behind a load balancer): left blocking, it refuses uploads and large JSON bodies with 403.
     * It only counts here; a stack that wants a limit asks for one ({@code blockBodiesOverKb}).
     */
    static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";

    private WebFirewall() {
    }

    /** Declares the web ACL and attaches it to {@code loadBalancerArn}. */
    static void protect(String name, Output<String> loadBalancerArn, LoadBalancerSettings settings,
                        CustomResourceOptions child) {
        List<WebAclRuleArgs> rules = managedRules(settings.rateLimitPer5Minutes());
        int priority = rules.size();
        if (settings.blockBodiesOverKb() != null) {
            rules.add(WebAclRuleArgs.builder()
                    .name("BodySizeLimit")
                    .priority(priority)
                    .action(block())
                    .statement(bodyLimit(settings.blockBodiesOverKb(), settings.blockBodiesOnPaths()))
                    .visibilityConfig(visibility("BodySizeLimit"))
                    .build());
        }
        var acl = new WebAcl(Naming.child(name, "waf"), WebAclArgs.builder()
                .description("Managed rule groups and a per-IP rate limit in front of " + name)
                .scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).metricName(name).sampledRequestsEnabled(true).build())
                .build(), child);
        new WebAclAssociation(Naming.child(name, "waf"), WebAclAssociationArgs.builder()
                .resourceArn(loadBalancerArn)
                .webAclArn(acl.arn())
                .build(), child);
    }

    /**
     * AWS's managed rule groups (IP reputation, common exploits with the body-size rule counting
     * only, known bad inputs) and a per-IP rate limit, priorities from 0: the rules every web ACL of
     * the program starts with, in front of a load balancer or a CloudFront distribution.
     */
    public static List<WebAclRuleArgs> managedRules(int rateLimitPer5Minutes) {
        List<WebAclRuleArgs> rules = new ArrayList<>();
        int priority = 0;
        for (String group : MANAGED_RULE_GROUPS) {
            var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(group);
            if (group.equals("AWSManagedRulesCommonRuleSet")) {
                statement.ruleActionOverrides(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                        .name(BODY_SIZE_RULE)
                        .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                                .count(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs
                                        .builder().build())
                                .build())
                        .build());
            }
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(statement.build()).build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        rules.add(WebAclRuleArgs.builder()
                .name("RateLimitPerIp")
                .priority(priority)
                .action(block())
                .statement(WebAclRuleStatementArgs.builder()
                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                .aggregateKeyType("IP")
                                .limit(rateLimitPer5Minutes)
                                .evaluationWindowSec(300)
                                .build())
                        .build())
                .visibilityConfig(visibility("RateLimitPerIp"))
                .build());
        return rules;
    }

    /**
     * Bodies over {@code kb}: a size constraint on the body whose oversize handling matches, since
     * WAF sees only the first 8 KB; on the given path prefixes only, when there are any.
     */
    private static WebAclRuleStatementArgs bodyLimit(int kb, List<String> paths) {
        var size = WebAclRuleStatementArgs.builder().sizeConstraintStatement(WebAclRuleStatementSizeConstraintStatementArgs
                .builder()
                .comparisonOperator("GT")
                .size(kb * 1024)
                .fieldToMatch(WebAclRuleStatementSizeConstraintStatementFieldToMatchArgs.builder()
                        .body(WebAclRuleStatementSizeConstraintStatementFieldToMatchBodyArgs.builder()
                                .oversizeHandling("MATCH").build())
                        .build())
                .textTransformations(WebAclRuleStatementSizeConstraintStatementTextTransformationArgs.builder()
                        .priority(0).type("NONE").build())
                .build()).build();
        if (paths.isEmpty()) {
            return size;
        }
        List<WebAclRuleStatementArgs> prefixes = paths.stream().map(WebFirewall::pathStartsWith).toList();
        var where = prefixes.size() == 1 ? prefixes.get(0) : WebAclRuleStatementArgs.builder()
                .orStatement(WebAclRuleStatementOrStatementArgs.builder().statements(prefixes).build()).build();
        return WebAclRuleStatementArgs.builder()
                .andStatement(WebAclRuleStatementAndStatementArgs.builder().statements(size, where).build()).build();
    }

    private static WebAclRuleStatementArgs pathStartsWith(String prefix) {
        return WebAclRuleStatementArgs.builder().byteMatchStatement(WebAclRuleStatementByteMatchStatementArgs.builder()
                .positionalConstraint("STARTS_WITH")
                .searchString(prefix)
                .fieldToMatch(WebAclRuleStatementByteMatchStatementFieldToMatchArgs.builder()
                        .uriPath(WebAclRuleStatementByteMatchStatementFieldToMatchUriPathArgs.builder().build()).build())
                .textTransformations(WebAclRuleStatementByteMatchStatementTextTransformationArgs.builder()
                        .priority(0).type("NONE").build())
                .build()).build();
    }

    private static WebAclRuleActionArgs block() {
        return WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build();
    }

    public static WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).metricName(metric).sampledRequestsEnabled(true).build();
    }
}
