package dev.apphome.keys;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final AwsContext aws;
    private final Protection protection;
    private final boolean grantsLater;
    private final List<KeyGrant> serviceGrants;
    private final List<Map<String, Object>> grants = new ArrayList<>();
    private KeyPolicy completed;

    public EncryptionKey(String name, AwsContext aws, String aliasName, Protection protection,
                         ComponentResourceOptions options) {
        this(name, aws, aliasName, List.of(), protection, false, options);
    }

    /** A key whose policy also holds {@code serviceGrants} from the start. */
    public EncryptionKey(String name, AwsContext aws, String aliasName, List<KeyGrant> serviceGrants,
                         Protection protection, ComponentResourceOptions options) {
        this(name, aws, aliasName, serviceGrants, protection, false, options);
    }

    public EncryptionKey(String name, AwsContext aws, String aliasName, Protection protection, boolean grantsLater,
                         ComponentResourceOptions options) {
        this(name, aws, aliasName, List.of(), protection, grantsLater, options);
    }

    /**
     * @param grantsLater whether services will be admitted by statements that name resources made
     *                    after the key (a CloudFront distribution reading an encrypted bucket): the
     *                    key is then made with the base policy, and {@link #complete} writes the whole
     *                    policy once those resources exist. Only for stacks that have such resources,
     *                    so that the key of every other stack stays exactly as it was.
     * @param serviceGrants statements for AWS services that stores of the stack need, known before the
     *                      key (SNS delivering to encrypted queues), each once; none for a stack
     *                      whose stores need none, whose key policy therefore stays as it was
     */
    public EncryptionKey(String name, AwsContext aws, String aliasName, List<KeyGrant> serviceGrants,
                         Protection protection, boolean grantsLater, ComponentResourceOptions options) {
        super("apphome:keys:EncryptionKey", name, options);
        this.aws = aws;
        this.protection = protection;
        this.grantsLater = grantsLater;
        this.serviceGrants = List.copyOf(serviceGrants);
        var keyOptions = CustomResourceOptions.builder().parent(this).protect(protection.protectData());
        if (grantsLater) {
            // The key policy resource owns the policy from then on; refreshing the key must not revert it.
            keyOptions.ignoreChanges("policy");
        }
        this.key = new Key(Naming.child(name, "key"), KeyArgs.builder()
                .description("Encrypts data at rest for " + aliasName)
                .enableKeyRotation(true)
                .rotationPeriodInDays(365)
                .deletionWindowInDays(30)
                .policy(PolicyDocument.of(statements(aws, this.serviceGrants, List.of())))
                .build(), keyOptions.build());
        new Alias(Naming.child(name, "alias"), AliasArgs.builder()
                .name("alias/" + aliasName)
                .targetKeyId(key.keyId())
                .build(), protection.child(this));
        registerOutputs(Map.of("arn", key.arn()));
    }

    /**
     * Admits a service principal to the key with {@code statement} (which names its principal and
     * conditions), written by {@link #complete}. The component that needs the key opens it.
     */
    public void grant(Map<String, Object> statement) {
        if (!grantsLater) {
            throw new IllegalStateException("this key was made without grantsLater; its policy is fixed");
        }
        if (completed != null) {
            throw new IllegalStateException("the key policy is complete already");
        }
        grants.add(statement);
    }

    /**
     * Writes the key's whole policy — the base statements and every grant — as a key-policy
     * resource, which whatever relies on a grant depends on. Empty for a key made without grantsLater.
     */
    public Optional<KeyPolicy> complete() {
        if (!grantsLater) {
            return Optional.empty();
        }
        if (completed == null) {
            completed = new KeyPolicy(Naming.child(pulumiResourceName(), "policy"), KeyPolicyArgs.builder()
                    .keyId(key.keyId())
                    .policy(PolicyDocument.of(statements(aws, serviceGrants, grants)))
                    .build(), protection.child(this));
        }
        return Optional.of(completed);
    }

    static Output<String> keyPolicy(AwsContext aws) {
        return PolicyDocument.of(statements(aws, List.of(), List.of()));
    }

    private static List<Map<String, Object>> statements(AwsContext aws, List<KeyGrant> serviceGrants,
                                                        List<Map<String, Object>> grants) {
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
        List<Map<String, Object>> statements = new ArrayList<>(List.of(account, logs, alarms));
        java.util.Set<String> sids = new java.util.HashSet<>();
        for (KeyGrant grant : serviceGrants) {
            if (sids.add(grant.sid())) {
                statements.add(PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                                PolicyDocument.allow(grant.sid(), grant.actions(), List.of("*")),
                                "Service", grant.servicePrincipal()),
                        Map.of("StringEquals", Map.of("aws:SourceAccount", aws.accountId()))));
            }
        }
        statements.addAll(grants);
        return statements;
    }

    public Output<String> arn() {
        return key.arn();
    }
}
