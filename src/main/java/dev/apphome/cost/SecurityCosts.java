package dev.apphome.cost;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** KMS keys, Secrets Manager secrets, WAF web ACLs and Cognito. */
final class SecurityCosts {

    /** AWS managed rule groups billed with a subscription on top of the rule charge. */
    private static final Set<String> PAID_RULE_GROUPS = Set.of("AWSManagedRulesBotControlRuleSet", "AWSManagedRulesATPRuleSet",
            "AWSManagedRulesACFPRuleSet", "AWSManagedRulesAntiDDoSRuleSet");

    private SecurityCosts() {
    }

    static void register(Catalog c) {
        c.priced("aws:kms/key:Key", SecurityCosts::key, "requests10k", "ten-thousands of key requests a month");
        c.priced("aws:kms/replicaKey:ReplicaKey", SecurityCosts::key, "requests10k", "ten-thousands of key requests a month");
        c.free("aws:kms/alias:Alias", "aliases have no charge");
        c.free("aws:kms/grant:Grant", "grants have no charge");
        c.free("aws:kms/keyPolicy:KeyPolicy", "a policy of its key, which is priced");
        c.priced("aws:secretsmanager/secret:Secret", SecurityCosts::secret);
        c.free("aws:secretsmanager/secretVersion:SecretVersion", "billed as part of its secret");
        c.free("aws:secretsmanager/secretPolicy:SecretPolicy", "a policy; no charge");
        c.free("aws:secretsmanager/secretRotation:SecretRotation", "rotation itself has no charge (its Lambda function is priced as a function)");
        c.priced("aws:wafv2/webAcl:WebAcl", SecurityCosts::webAcl, "requestsMillion", "million requests the web ACL inspects a month");
        c.free("aws:wafv2/webAclAssociation:WebAclAssociation", "billed as part of its web ACL");
        c.free("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "its logs are billed where they are delivered");
        c.unpriced("aws:cognito/userPool:UserPool",
                "billed per monthly active user (after a free tier); the price table has no Cognito prices");
        c.free("aws:cognito/userPoolClient:UserPoolClient", "part of its user pool");
        c.free("aws:cognito/userPoolDomain:UserPoolDomain", "part of its user pool");
    }

    static Outcome key(Resource r, Pricing p) {
        return Outcome.lines(
                p.monthly("customer managed key", BigDecimal.ONE, "keys", "kms.keyMonth"),
                p.usage(r, "requests", "10,000 requests", "kms.requests10k", "requests10k"));
    }

    static Outcome secret(Resource r, Pricing p) {
        int replicas = r.in().objects("replicas").size();
        return Outcome.lines(p.monthly(replicas == 0 ? "secret" : "secret and its " + replicas + " replicas",
                BigDecimal.valueOf(1 + replicas), "secrets", "secretsmanager.secretMonth"));
    }

    /** One web ACL plus one rule charge per rule; a managed rule group counts as one rule. */
    static Outcome webAcl(Resource r, Pricing p) {
        List<Props> rules = new ArrayList<>(r.in().objects("rules"));
        if (rules.isEmpty() && r.in().has("ruleJson")) {
            JsonElement parsed = JsonParser.parseString(r.in().string("ruleJson"));
            if (parsed.isJsonArray()) {
                parsed.getAsJsonArray().forEach(e -> rules.add(new Props(e.isJsonObject() ? e.getAsJsonObject() : null)));
            }
        }
        for (Props rule : rules) {
            String group = rule.string("statement.managedRuleGroupStatement.name", null);
            if (group == null) {
                continue;
            }
            String vendor = rule.string("statement.managedRuleGroupStatement.vendorName", "AWS");
            if (!vendor.equals("AWS")) {
                return new Outcome.Unpriced("rule group " + group + " of " + vendor + " is sold on AWS Marketplace; its fee is not in the price table");
            }
            if (PAID_RULE_GROUPS.contains(group)) {
                return new Outcome.Unpriced("managed rule group " + group + " has a subscription and request fee the price table does not have");
            }
        }
        return Outcome.lines(
                p.monthly("web ACL", BigDecimal.ONE, "web ACLs", "waf.aclMonth"),
                p.monthly("rules: " + rules.size() + " (a managed rule group counts as one)", BigDecimal.valueOf(rules.size()), "rules",
                        "waf.ruleMonth"),
                p.usage(r, "requests inspected", "million requests", "waf.millionRequests", "requestsMillion"));
    }
}
