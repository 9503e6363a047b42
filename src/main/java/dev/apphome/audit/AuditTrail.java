package dev.apphome.audit;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.storage.BucketSettings;
import dev.apphome.storage.PrivateBucket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-region CloudTrail trail with log-file validation, encrypted with the stack's key, writing
 * to a private, TLS-only bucket that expires old files and to an encrypted log group. The bucket
 * policy and the key statements admit CloudTrail for this trail only ({@code aws:SourceArn}): the
 * trail's name is fixed, so its ARN is known before it exists and the key can name it.
 */
public final class AuditTrail extends ComponentResource {

    static final String PREFIX = "cloudtrail";

    private final Trail trail;

    /**
     * @param trailName       the trail's name, from {@link #trailName}
     * @param keyArn          the stack's key
     * @param keyReady        the key policy that holds {@link #keyStatements}: CloudTrail checks it when
     *                        the trail is created
     */
    public AuditTrail(String name, String trailName, TrailSettings args, AwsContext aws, Output<String> keyArn,
                      List<Resource> keyReady, Protection protection, ComponentResourceOptions options) {
        super("apphome:audit:AuditTrail", name, options);
        Output<String> trailArn = arn(aws, trailName);
        var bucket = new PrivateBucket(Naming.child(name, "logs"),
                new BucketSettings("trail", true, null, null, args.bucketRetentionDays(), 30),
                new PrivateBucket.Encryption.Kms(keyArn), arn -> bucketStatements(arn, aws, trailArn),
                aws.region(), protection, ComponentResourceOptions.builder().parent(this).build());
        var logGroup = new LogGroup(Naming.child(name, "events"), LogGroupArgs.builder()
                .name("/" + trailName + "/events")
                .retentionInDays(args.logRetentionDays().days())
                .kmsKeyId(keyArn)
                .build(), protection.child(this));
        var role = new Role(Naming.fitting(Naming.child(name, "delivery"), 64), RoleArgs.builder()
                .description("Lets CloudTrail write " + trailName + " events to its log group")
                .assumeRolePolicy(PolicyDocument.assumedBy("cloudtrail.amazonaws.com", aws.accountId()))
                .build(), protection.child(this));
        var delivery = new RolePolicy(Naming.child(name, "delivery"), RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(List.of(PolicyDocument.allow("WriteTrailEvents",
                        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logGroup.arn().applyValue(arn -> arn + ":log-stream:*"))))))
                .build(), protection.child(this));
        List<Resource> ready = new ArrayList<>(keyReady);
        ready.add(bucket.policy());
        ready.add(delivery);
        this.trail = new Trail(Naming.child(name, "trail"), TrailArgs.builder()
                .name(trailName)
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .enableLogging(true)
                .kmsKeyId(keyArn)
                .s3BucketName(bucket.bucketName())
                .s3KeyPrefix(PREFIX)
                .cloudWatchLogsGroupArn(logGroup.arn().applyValue(arn -> arn + ":*"))
                .cloudWatchLogsRoleArn(role.arn())
                // CloudTrail checks the bucket policy, the key policy and the role when the trail is created.
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(ready).build());
        registerOutputs(Map.of("arn", trail.arn()));
    }

    /** The trail's name in the stack. */
    public static String trailName(String stackPrefix) {
        return Naming.child(stackPrefix, "trail");
    }

    static Output<String> arn(AwsContext aws, String trailName) {
        return aws.arn("cloudtrail", "trail/" + trailName);
    }

    /**
     * The key statements CloudTrail needs for this trail, per "Configure AWS KMS key policies for
     * CloudTrail": data keys only for this trail's encryption context, describing the key, and
     * decrypting — which creating a trail whose bucket uses an S3 bucket key requires.
     */
    public static List<Map<String, Object>> keyStatements(AwsContext aws, String trailName) {
        Output<String> trailArn = arn(aws, trailName);
        Map<String, Object> encrypt = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                PolicyDocument.allow("CloudTrailEncryptsThisTrailsLogs", List.of("kms:GenerateDataKey*"), List.of("*")),
                "Service", "cloudtrail.amazonaws.com"), conditions(
                "StringEquals", Map.of("aws:SourceArn", trailArn),
                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn",
                        aws.accountId().applyValue(id -> "arn:" + aws.partition() + ":cloudtrail:*:" + id + ":trail/*"))));
        Map<String, Object> describe = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                PolicyDocument.allow("CloudTrailDescribesKey", List.of("kms:DescribeKey"), List.of("*")),
                "Service", "cloudtrail.amazonaws.com"), Map.of("StringEquals", Map.of("aws:SourceArn", trailArn)));
        Map<String, Object> decrypt = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                PolicyDocument.allow("CloudTrailUsesBucketKey", List.of("kms:Decrypt"), List.of("*")),
                "Service", "cloudtrail.amazonaws.com"), Map.of("StringEquals", Map.of("aws:SourceArn", trailArn)));
        return List.of(encrypt, describe, decrypt);
    }

    /**
     * CloudTrail may read the bucket's ACL and write this trail's files, owned by the bucket owner,
     * for this trail only.
     */
    static List<Map<String, Object>> bucketStatements(Output<String> bucketArn, AwsContext aws, Output<String> trailArn) {
        Map<String, Object> acl = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                PolicyDocument.allow("CloudTrailChecksAcl", List.of("s3:GetBucketAcl"), List.of(bucketArn)),
                "Service", "cloudtrail.amazonaws.com"), Map.of("StringEquals", Map.of("aws:SourceArn", trailArn)));
        Output<String> files = Output.tuple(bucketArn, aws.accountId())
                .applyValue(t -> t.t1 + "/" + PREFIX + "/AWSLogs/" + t.t2 + "/*");
        Map<String, Object> write = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                PolicyDocument.allow("CloudTrailWritesThisTrail", List.of("s3:PutObject"), List.of(files)),
                "Service", "cloudtrail.amazonaws.com"), conditions(
                "StringEquals", ordered("s3:x-amz-acl", "bucket-owner-full-control", "aws:SourceArn", trailArn)));
        return List.of(acl, write);
    }

    private static Map<String, Object> conditions(Object... pairs) {
        return ordered(pairs);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    public Output<String> arn() {
        return trail.arn();
    }
}
