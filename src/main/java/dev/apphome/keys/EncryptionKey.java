package dev.apphome.keys;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;

import java.util.List;
import java.util.Map;

/**
 * The stack's customer-managed KMS key: encrypts the database, cache, buckets, secrets, log groups
 * and the alert topic. Rotated yearly. Its key policy admits the account (so that IAM policies can
 * grant use of it), CloudWatch Logs for this account's log groups, and CloudWatch alarms publishing
 * to the encrypted topic — without those two statements, creating an encrypted log group or an
 * alarm notification fails at deploy time, which no mock can show — and the services that stores
 * of the stack name ({@link KeyGrant}), such as SNS delivering to queues encrypted with this key.
 */
public final class EncryptionKey extends ComponentResource {

    private final Key key;

    public EncryptionKey(String name, AwsContext aws, String aliasName, Protection protection,
                         ComponentResourceOptions options) {
        this(name, aws, aliasName, List.of(), protection, options);
    }

    /** @param grants further statements for AWS services that stores of the stack need, each once */
    public EncryptionKey(String name, AwsContext aws, String aliasName, List<KeyGrant> grants, Protection protection,
                         ComponentResourceOptions options) {
        super("apphome:keys:EncryptionKey", name, options);
        this.key = new Key(Naming.child(name, "key"), KeyArgs.builder()
                .description("Encrypts data at rest for " + aliasName)
                .enableKeyRotation(true)
                .rotationPeriodInDays(365)
                .deletionWindowInDays(30)
                .policy(keyPolicy(aws, grants))
                .build(), protection.stateful(this));
        new Alias(Naming.child(name, "alias"), AliasArgs.builder()
                .name("alias/" + aliasName)
                .targetKeyId(key.keyId())
                .build(), protection.child(this));
        registerOutputs(Map.of("arn", key.arn()));
    }

    static Output<String> keyPolicy(AwsContext aws, List<KeyGrant> grants) {
        var account = PolicyDocument.withPrincipal(
                PolicyDocument.allow("AccountAdministersKey", List.of("kms:*"), List.of("*")),
                "AWS", aws.rootPrincipal());
        var logs = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("CloudWatchLogsEncryptsThisAccountsLogGroups", List.of(
                                "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
                                List.of("*")),
                        "Service", aws.regionalPrincipal("logs")),
                Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", aws.arn("logs", "log-group:*"))));
        var alarms = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("CloudWatchAlarmsPublishToEncryptedTopic",
                                List.of("kms:Decrypt", "kms:GenerateDataKey*"), List.of("*")),
                        "Service", "cloudwatch.amazonaws.com"),
                Map.of("StringEquals", Map.of("aws:SourceAccount", aws.accountId())));
        List<Map<String, Object>> statements = new java.util.ArrayList<>(List.of(account, logs, alarms));
        java.util.Set<String> sids = new java.util.HashSet<>();
        for (KeyGrant grant : grants) {
            if (sids.add(grant.sid())) {
                statements.add(PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                                PolicyDocument.allow(grant.sid(), grant.actions(), List.of("*")),
                                "Service", grant.servicePrincipal()),
                        Map.of("StringEquals", Map.of("aws:SourceAccount", aws.accountId()))));
            }
        }
        return PolicyDocument.of(statements);
    }

    public Output<String> arn() {
        return key.arn();
    }
}
