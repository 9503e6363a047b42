package dev.apphome.storage;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.dependents;
import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Application buckets as planned: every companion resource present and tied to its bucket. */
class PrivateBucketTest {

    private static PlannedResource companion(PlanRunner.Result plan, PlannedResource bucket, String type) {
        var found = dependents(plan, bucket, type, "bucket");
        assertEquals(1, found.size(), type);
        return found.get(0);
    }

    @Test
    void applicationBucketIsPrivateKmsEncryptedVersionedAndTlsOnly() {
        var plan = Stacks.plan("prod");
        var bucket = plan.named("aws:s3/bucketV2:BucketV2", "apphome-prod-bucket-media-bucket");

        assertEquals(Map.of("blockPublicAcls", true, "blockPublicPolicy", true, "ignorePublicAcls", true,
                        "restrictPublicBuckets", true, "bucket", bucket.id()),
                companion(plan, bucket, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs());
        assertEquals("BucketOwnerEnforced", companion(plan, bucket, "aws:s3/bucketOwnershipControls:BucketOwnershipControls")
                .inputString("rule.objectOwnership"));
        var encryption = companion(plan, bucket,
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("aws:kms", encryption.inputString("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals(true, encryption.input("rules.0.bucketKeyEnabled"));
        assertEquals("aws:kms/key:Key", source(plan, encryption, "rules").type());
        assertEquals("Enabled", companion(plan, bucket, "aws:s3/bucketVersioningV2:BucketVersioningV2")
                .inputString("versioningConfiguration.status"));
        var deny = Json.statements(companion(plan, bucket, "aws:s3/bucketPolicy:BucketPolicy"), "policy").get(0);
        assertEquals(Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                "Resource", List.of(bucket.outputs().get("arn"), bucket.outputs().get("arn") + "/*"),
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))), deny);
        assertEquals(false, bucket.input("forceDestroy"));
        assertTrue(bucket.protect());
        assertFalse(Stacks.plan("dev").named("aws:s3/bucketV2:BucketV2", "apphome-dev-bucket-media-bucket").protect());
    }

    @Test
    void lifecycleMovesObjectsToCheaperStorageAndCleansUp() {
        var plan = Stacks.plan("prod");
        var bucket = plan.named("aws:s3/bucketV2:BucketV2", "apphome-prod-bucket-media-bucket");
        var rule = companion(plan, bucket, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");

        assertEquals(List.of(Map.of("days", 30L, "storageClass", "STANDARD_IA"), Map.of("days", 90L, "storageClass", "GLACIER_IR")),
                rule.input("rules.0.transitions"));
        assertEquals(90L, rule.input("rules.0.noncurrentVersionExpiration.noncurrentDays"));
        assertEquals(7L, rule.input("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation"));
        assertEquals("Enabled", rule.inputString("rules.0.status"));
    }
}
