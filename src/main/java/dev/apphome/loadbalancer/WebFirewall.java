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
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;

import java.util.ArrayList;
import java.util.List;

/**
 * The load balancer's web application firewall: AWS's managed rule groups for common exploits,
 * known bad inputs and IP addresses with a bad reputation, and a per-IP rate limit. Every rule
 * publishes CloudWatch metrics and sampled requests.
 */
final class WebFirewall {

    /** AWS managed rule groups, in evaluation order. */
    static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet");

    private WebFirewall() {
    }

    /** Declares the web ACL and attaches it to {@code loadBalancerArn}. */
    static void protect(String name, Output<String> loadBalancerArn, int rateLimitPer5Minutes, CustomResourceOptions child) {
        List<WebAclRuleArgs> rules = new ArrayList<>();
        int priority = 0;
        for (String group : MANAGED_RULE_GROUPS) {
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder()
                            .managedRuleGroupStatement(WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                                    .vendorName("AWS").name(group).build())
                            .build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        rules.add(WebAclRuleArgs.builder()
                .name("RateLimitPerIp")
                .priority(priority)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder()
                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                .aggregateKeyType("IP")
                                .limit(rateLimitPer5Minutes)
                                .evaluationWindowSec(300)
                                .build())
                        .build())
                .visibilityConfig(visibility("RateLimitPerIp"))
                .build());
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

    private static WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).metricName(metric).sampledRequestsEnabled(true).build();
    }
}
