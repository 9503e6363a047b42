package dev.apphome.storage;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bucket nobody outside the account can reach: all four public-access blocks on, ACLs disabled
 * (bucket owner enforced), default encryption, a policy that refuses any request without TLS, and
 * lifecycle rules. Services get access only through {@link #connect}.
 */
public final class PrivateBucket extends ComponentResource implements Store<BucketAccess> {

    /** How objects are encrypted at rest. */
    public sealed interface Encryption {
        /** SSE-KMS with the stack's key and an S3 bucket key (fewer KMS calls, lower cost). */
        record Kms(Output<String> keyArn) implements Encryption {
        }

        /**
         * SSE-S3. Only for the load balancer's access logs: ELB log delivery cannot write to a bucket
         * whose default encryption is SSE-KMS, which no mock shows.
         */
        record S3Managed() implements Encryption {
        }
    }

    private final BucketSettings args;
    private final BucketV2 bucket;
    private final Encryption encryption;
    private final List<Map<String, Object>> statements = new ArrayList<>();
    private final BucketPublicAccessBlock publicAccess;
    private final String region;
    private BucketPolicy policy;

    /**
     * An application bucket: SSE-KMS with the stack's key, used by services that declare it. Its
     * policy is written by {@link #complete}, once whatever reads the bucket from outside (a
     * CloudFront distribution, through {@link #grant}) exists.
     */
    public PrivateBucket(String name, BucketSettings args, StoreContext context) {
        this(name, args, new Encryption.Kms(context.keyArn()), arn -> List.of(), context.aws().region(),
                context.protection(), ComponentResourceOptions.Empty, false);
    }

    public PrivateBucket(String name, BucketSettings args, Encryption encryption,
                         java.util.function.Function<Output<String>, List<Map<String, Object>>> extraStatements,
                         String region, Protection protection, ComponentResourceOptions options) {
        this(name, args, encryption, extraStatements, region, protection, options, true);
    }

    /**
     * @param extraStatements further bucket-policy statements (e.g. log delivery), rendered with the
     *                        TLS-only statement; each is built from the bucket's ARN
     * @param region          the stack's region, which KMS conditions of the access statements name
     */
    /**
     * @param now whether the policy is written at once; otherwise {@link #complete} writes it, after
     *            every {@link #grant}
     */
    public PrivateBucket(String name, BucketSettings args, Encryption encryption,
                         java.util.function.Function<Output<String>, List<Map<String, Object>>> extraStatements,
                         String region, Protection protection, ComponentResourceOptions options, boolean now) {
        super("apphome:storage:PrivateBucket", name, options);
        this.args = Rule.require(args);
        this.encryption = encryption;
        this.region = region;
        CustomResourceOptions child = protection.child(this);
        this.bucket = new BucketV2(Naming.fitting(Naming.child(name, "bucket"), 63), BucketV2Args.builder()
                .forceDestroy(false)
                .build(), protection.stateful(this));

        var publicAccess = new BucketPublicAccessBlock(Naming.child(name, "public-access"), BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);
        new BucketOwnershipControls(Naming.child(name, "ownership"), BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);

        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        boolean kms = encryption instanceof Encryption.Kms;
        if (encryption instanceof Encryption.Kms k) {
            byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(k.keyArn());
        } else {
            byDefault.sseAlgorithm("AES256");
        }
        new BucketServerSideEncryptionConfigurationV2(Naming.child(name, "encryption"),
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(byDefault.build())
                                .bucketKeyEnabled(kms)
                                .build())
                        .build(), child);

        new BucketVersioningV2(Naming.child(name, "versioning"), BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status(args.versioning() ? "Enabled" : "Suspended").build())
                .build(), child);

        new BucketLifecycleConfigurationV2(Naming.child(name, "lifecycle"), BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(lifecycleRule(args))
                .build(), child);

        statements.add(PolicyDocument.denyInsecureTransport(
                List.of(bucket.arn(), bucket.arn().applyValue(arn -> arn + "/*")), "s3:*"));
        statements.addAll(extraStatements.apply(bucket.arn()));
        this.publicAccess = publicAccess;
        if (now) {
            complete();
        }
    }

    /**
     * Adds a bucket-policy statement, built from the bucket's ARN, that admits a reader from outside
     * the account's IAM (a service principal, scoped by its conditions). Before {@link #complete} only.
     */
    public void grant(java.util.function.Function<Output<String>, Map<String, Object>> statement) {
        if (policy != null) {
            throw new IllegalStateException(pulumiResourceName() + "'s policy is written already");
        }
        statements.add(statement.apply(bucket.arn()));
    }

    /** Writes the bucket policy (TLS only, plus every grant); once. */
    public BucketPolicy complete() {
        if (policy == null) {
            // The policy waits for the public-access block so that S3 evaluates it against the final settings.
            this.policy = new BucketPolicy(Naming.child(pulumiResourceName(), "policy"), BucketPolicyArgs.builder()
                    .bucket(bucket.id())
                    .policy(PolicyDocument.of(List.copyOf(statements)))
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
            registerOutputs(Map.of("bucket", bucket.bucket(), "arn", bucket.arn()));
        }
        return policy;
    }

    private static BucketLifecycleConfigurationV2RuleArgs lifecycleRule(BucketSettings args) {
        List<BucketLifecycleConfigurationV2RuleTransitionArgs> transitions = new ArrayList<>();
        if (args.infrequentAccessAfterDays() != null) {
            transitions.add(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                    .days(args.infrequentAccessAfterDays()).storageClass("STANDARD_IA").build());
        }
        if (args.glacierAfterDays() != null) {
            transitions.add(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                    .days(args.glacierAfterDays()).storageClass("GLACIER_IR").build());
        }
        var rule = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("apphome-default")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(7).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(args.noncurrentVersionExpiryDays()).build());
        if (!transitions.isEmpty()) {
            rule.transitions(transitions);
        }
        if (args.expireAfterDays() != null) {
            rule.expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.expireAfterDays()).build());
        }
        return rule.build();
    }

    /**
     * IAM statements that give a task role exactly {@code access} to this bucket, plus use of the
     * bucket's KMS key only through S3.
     */
    List<Map<String, Object>> statementsFor(String sidPrefix, BucketAccess access) {
        List<String> objectActions = new ArrayList<>(List.of("s3:GetObject", "s3:GetObjectVersion"));
        List<String> keyActions = new ArrayList<>(List.of("kms:Decrypt"));
        if (access == BucketAccess.READ_WRITE) {
            objectActions.addAll(List.of("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"));
            keyActions.add("kms:GenerateDataKey");
        }
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyDocument.allow(sidPrefix + "List", List.of("s3:ListBucket"), List.of(bucket.arn())));
        statements.add(PolicyDocument.allow(sidPrefix + "Objects", objectActions,
                List.of(bucket.arn().applyValue(arn -> arn + "/*"))));
        if (encryption instanceof Encryption.Kms k) {
            statements.add(PolicyDocument.withCondition(
                    PolicyDocument.allow(sidPrefix + "Key", keyActions, List.of(k.keyArn())),
                    Map.of("StringEquals", Map.of("kms:ViaService", "s3." + region + ".amazonaws.com"))));
        }
        return statements;
    }

    /** What a service that uses this bucket receives: its name in {@code BUCKET_<NAME>} and exactly {@code access}. */
    @Override
    public Connection connect(Client client, BucketAccess access) {
        return new Connection(Map.of("BUCKET_" + Naming.variable(args.name()), bucket.bucket()), Map.of(),
                statementsFor("Bucket" + Naming.pascal(args.name()), access));
    }

    public Output<String> bucketName() {
        return bucket.bucket();
    }

    public Output<String> arn() {
        return bucket.arn();
    }

    /** The policy resource (written now if it was not), which log delivery needs in place before it writes. */
    public BucketPolicy policy() {
        return complete();
    }

    /** {@code <bucket>.s3.<region>.amazonaws.com}, the name CloudFront reaches the bucket by. */
    public Output<String> regionalDomainName() {
        return bucket.bucketRegionalDomainName();
    }
}
