package dev.apphome.audit;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.keys.EncryptionKey;
import dev.apphome.plan.PlanRunner;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trail alone, with a key whose policy it completes. Statements follow the AWS guides
 * "Configure AWS KMS key policies for CloudTrail" and "Amazon S3 bucket policy for CloudTrail";
 * mocks cannot prove CloudTrail's own checks at CreateTrail, which is why the trail waits for both.
 */
class AuditTrailComponentTest {

    private static final String TRAIL_ARN = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/apphome-test-trail";

    private static PlanRunner.Result plan() {
        var settings = Components.settings(TrailSettings.class, Map.of());
        return Components.declare(s -> {
            var key = new EncryptionKey("key", s.aws(), "test", s.protection(), true, ComponentResourceOptions.Empty);
            AuditTrail.keyStatements(s.aws(), "apphome-test-trail").forEach(key::grant);
            var policy = key.complete().orElseThrow();
            new AuditTrail("audit", "apphome-test-trail", settings, s.aws(), key.arn(), List.of(policy), s.protection(),
                    ComponentResourceOptions.Empty);
        });
    }

    @Test
    void aMultiRegionTrailWithLogFileValidationEncryptedWithTheStacksKey() {
        var plan = plan();
        var trail = plan.ofType("aws:cloudtrail/trail:Trail").get(0);

        assertEquals(List.of(true, true, true), List.of(trail.input("isMultiRegionTrail"),
                trail.input("enableLogFileValidation"), trail.input("includeGlobalServiceEvents")));
        assertEquals(plan.ofType("aws:kms/key:Key").get(0).outputs().get("arn"), trail.inputString("kmsKeyId"));
        assertEquals(TRAIL_ARN, trail.outputs().get("arn"));
        assertTrue(trail.dependencies().contains(plan.ofType("aws:kms/keyPolicy:KeyPolicy").get(0).urn()));
        assertTrue(trail.dependencies().contains(plan.ofType("aws:s3/bucketPolicy:BucketPolicy").get(0).urn()));
        assertEquals(plan.ofType("aws:cloudwatch/logGroup:LogGroup").get(0).outputs().get("arn") + ":*",
                trail.inputString("cloudWatchLogsGroupArn"));
    }

    @Test
    void theBucketAdmitsCloudTrailForThisTrailOnlyAndOnlyOwnerControlledWrites() {
        var plan = plan();
        var statements = Json.statements(plan.ofType("aws:s3/bucketPolicy:BucketPolicy").get(0), "policy");
        String bucketArn = (String) plan.ofType("aws:s3/bucketV2:BucketV2").get(0).outputs().get("arn");

        assertEquals(List.of("DenyInsecureTransport", "CloudTrailChecksAcl", "CloudTrailWritesThisTrail"),
                statements.stream().map(s -> s.get("Sid")).toList());
        assertEquals(Map.of("Sid", "CloudTrailChecksAcl", "Effect", "Allow", "Principal",
                Map.of("Service", "cloudtrail.amazonaws.com"), "Action", List.of("s3:GetBucketAcl"), "Resource",
                List.of(bucketArn), "Condition", Map.of("StringEquals", Map.of("aws:SourceArn", TRAIL_ARN))), statements.get(1));
        assertEquals(Map.of("Sid", "CloudTrailWritesThisTrail", "Effect", "Allow", "Principal",
                Map.of("Service", "cloudtrail.amazonaws.com"), "Action", List.of("s3:PutObject"), "Resource",
                List.of(bucketArn + "/cloudtrail/AWSLogs/123456789012/*"), "Condition", Map.of("StringEquals",
                        Map.of("s3:x-amz-acl", "bucket-owner-full-control", "aws:SourceArn", TRAIL_ARN))), statements.get(2));
    }

    @Test
    void theKeyLetsCloudTrailMakeDataKeysOnlyForThisTrail() {
        var statements = Json.statements(plan().ofType("aws:kms/keyPolicy:KeyPolicy").get(0), "policy");
        var encrypt = statements.stream().filter(s -> "CloudTrailEncryptsThisTrailsLogs".equals(s.get("Sid"))).findFirst()
                .orElseThrow();

        assertEquals(List.of("kms:GenerateDataKey*"), encrypt.get("Action"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceArn", TRAIL_ARN), "StringLike",
                Map.of("kms:EncryptionContext:aws:cloudtrail:arn", "arn:aws:cloudtrail:*:123456789012:trail/*")),
                encrypt.get("Condition"));
    }
}
