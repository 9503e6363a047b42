package dev.apphome.edge;

import com.pulumi.aws.cloudwatch.LogDelivery;
import com.pulumi.aws.cloudwatch.LogDeliveryArgs;
import com.pulumi.aws.cloudwatch.LogDeliveryDestination;
import com.pulumi.aws.cloudwatch.LogDeliveryDestinationArgs;
import com.pulumi.aws.cloudwatch.LogDeliverySource;
import com.pulumi.aws.cloudwatch.LogDeliverySourceArgs;
import com.pulumi.aws.cloudwatch.inputs.LogDeliveryDestinationDeliveryDestinationConfigurationArgs;
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
import dev.apphome.storage.BucketSettings;
import dev.apphome.storage.PrivateBucket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's CloudFront access logs, by standard logging v2 (CloudWatch Logs' vended-log
 * delivery) into one private bucket in the stack's region, encrypted with the stack's key.
 * Standard logging v1 would need a bucket with ACLs enabled and SSE-S3; v2 writes as the
 * log-delivery service, which the bucket policy and the key admit for this account's CloudFront
 * delivery sources only. A distribution's delivery source must be created in us-east-1 (CloudFront
 * is global and reports there), and so are its destination and delivery; the bucket stays in the
 * stack's region.
 */
public final class EdgeLogs extends ComponentResource {

    static final String DELIVERY = "delivery.logs.amazonaws.com";

    private final PrivateBucket bucket;
    private final String sourcePrefix;
    private final List<Resource> ready = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();

    /**
     * @param sourcePrefix the name every delivery source of the stack starts with, which the grants name
     * @param retentionDays days access logs are kept
     */
    public EdgeLogs(String name, String sourcePrefix, int retentionDays, AwsContext aws, EncryptionKey key,
                    Output<String> keyArn, Protection protection, ComponentResourceOptions options) {
        super("apphome:edge:EdgeLogs", name, options);
        this.sourcePrefix = sourcePrefix;
        Output<String> sources = aws.accountId().applyValue(id -> "arn:" + aws.partition() + ":logs:" + UsEast1.REGION
                + ":" + id + ":delivery-source:" + sourcePrefix + "*");
        this.bucket = new PrivateBucket(Naming.child(name, "bucket"),
                new BucketSettings("cdn-logs", true, null, null, retentionDays, 30),
                new PrivateBucket.Encryption.Kms(keyArn), arn -> bucketStatements(arn, aws, sources), aws.region(),
                protection, ComponentResourceOptions.builder().parent(this).build());
        key.grant(keyStatement(aws, sources));
        ready.add(bucket.policy());
        registerOutputs(Map.of("bucket", bucket.bucketName()));
    }

    /** Log delivery writes objects owned by the bucket owner, and checks the bucket's ACL, for this account's sources. */
    static List<Map<String, Object>> bucketStatements(Output<String> bucketArn, AwsContext aws, Output<String> sources) {
        Output<String> objects = Output.tuple(bucketArn, aws.accountId()).applyValue(t -> t.t1 + "/AWSLogs/" + t.t2 + "/*");
        Map<String, Object> write = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("LogDeliveryWritesCloudFrontLogs", List.of("s3:PutObject"), List.of(objects)),
                        "Service", DELIVERY),
                ordered("StringEquals", ordered("s3:x-amz-acl", "bucket-owner-full-control",
                                "aws:SourceAccount", aws.accountId()),
                        "ArnLike", Map.of("aws:SourceArn", sources)));
        Map<String, Object> acl = PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("LogDeliveryChecksBucket", List.of("s3:GetBucketAcl", "s3:ListBucket"),
                                List.of(bucketArn)),
                        "Service", DELIVERY),
                ordered("StringEquals", Map.of("aws:SourceAccount", aws.accountId()),
                        "ArnLike", Map.of("aws:SourceArn", sources)));
        return List.of(write, acl);
    }

    /** Log delivery encrypts with the stack's key, for this account's CloudFront delivery sources only. */
    static Map<String, Object> keyStatement(AwsContext aws, Output<String> sources) {
        return PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("LogDeliveryEncryptsCloudFrontLogs",
                                List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                        "kms:DescribeKey"), List.of("*")),
                        "Service", DELIVERY),
                ordered("StringEquals", Map.of("aws:SourceAccount", aws.accountId()),
                        "ArnLike", Map.of("aws:SourceArn", sources)));
    }

    /**
     * Delivers {@code distributionArn}'s access logs to the bucket: a delivery source, destination and
     * delivery in us-east-1, children of the distribution. They wait for the bucket policy and the key policy.
     */
    void deliver(Resource owner, String name, Output<String> distributionArn, UsEast1 usEast1) {
        CustomResourceOptions east = usEast1.child(owner);
        var source = new LogDeliverySource(Naming.child(name, "log-source"), LogDeliverySourceArgs.builder()
                .name(Naming.child(sourcePrefix, name.substring(name.lastIndexOf('-') + 1)))
                .logType("ACCESS_LOGS")
                .resourceArn(distributionArn)
                .build(), east);
        var destination = new LogDeliveryDestination(Naming.child(name, "log-destination"),
                LogDeliveryDestinationArgs.builder()
                        .name(name)
                        .outputFormat("json")
                        .deliveryDestinationConfiguration(LogDeliveryDestinationDeliveryDestinationConfigurationArgs.builder()
                                .destinationResourceArn(bucket.arn())
                                .build())
                        .build(), east);
        pending.add(() -> new LogDelivery(Naming.child(name, "log-delivery"), LogDeliveryArgs.builder()
                .deliverySourceName(source.name())
                .deliveryDestinationArn(destination.arn())
                .build(), CustomResourceOptions.builder().parent(owner).provider(usEast1.provider()).dependsOn(ready)
                .build()));
    }

    /**
     * Starts every delivery, once the key policy with this component's grant exists (log delivery
     * checks that it may write to the bucket when a delivery is created).
     */
    public void start(List<Resource> keyPolicy) {
        ready.addAll(keyPolicy);
        pending.forEach(Runnable::run);
        pending.clear();
    }

    public Output<String> bucketName() {
        return bucket.bucketName();
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
