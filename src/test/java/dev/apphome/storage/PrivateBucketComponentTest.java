package dev.apphome.storage;

import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bucket alone, with settings built here. Mocks cannot prove how S3 evaluates the policy. */
class PrivateBucketComponentTest {

    @Test
    void lifecycleFollowsTheSettings() {
        var settings = Components.settings(BucketSettings.class, Map.of("infrequentAccessAfterDays", 30,
                "glacierAfterDays", 90, "expireAfterDays", 365, "noncurrentVersionExpiryDays", 7));
        var plan = Components.declare(s -> new PrivateBucket("media", settings, s.stores()));
        var rule = dev.apphome.support.Plans.map(dev.apphome.support.Plans.list(
                plan.ofType("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").get(0).input("rules")).get(0));

        assertEquals(List.of(Map.of("days", 30L, "storageClass", "STANDARD_IA"), Map.of("days", 90L, "storageClass", "GLACIER_IR")),
                rule.get("transitions"));
        assertEquals(Map.of("days", 365L), rule.get("expiration"));
        assertEquals(Map.of("noncurrentDays", 7L), rule.get("noncurrentVersionExpiration"));
    }

    @Test
    void readGetsNoWriteActionsAndReadWriteGetsThem() {
        var settings = Components.settings(BucketSettings.class, Map.of());
        var read = new Connection[2];
        Components.declare(s -> {
            var bucket = new PrivateBucket("media", settings, s.stores());
            read[0] = bucket.connect(new Client("api", null), BucketAccess.READ);
            read[1] = bucket.connect(new Client("api", null), BucketAccess.READ_WRITE);
        });

        assertEquals(List.of("s3:GetObject", "s3:GetObjectVersion"), read[0].taskStatements().get(1).get("Action"));
        assertEquals(List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject",
                "s3:AbortMultipartUpload"), read[1].taskStatements().get(1).get("Action"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey"), read[1].taskStatements().get(2).get("Action"));
        assertEquals(List.of("BUCKET_TEST"), List.copyOf(read[0].environment().keySet()));
    }

    @Test
    void theBucketPolicyRefusesRequestsWithoutTls() {
        var plan = Components.declare(s -> new PrivateBucket("media", Components.settings(BucketSettings.class, Map.of()),
                s.stores()).complete());
        var statements = Json.statements(plan.ofType("aws:s3/bucketPolicy:BucketPolicy").get(0), "policy");

        assertEquals(List.of("DenyInsecureTransport"), statements.stream().map(st -> st.get("Sid")).toList());
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), statements.get(0).get("Condition"));
    }

    @Test
    void anApplicationBucketsPolicyWaitsForItsGrantsAndHoldsThemAfterTheTlsStatement() {
        var plan = Components.declare(s -> {
            var bucket = new PrivateBucket("media", Components.settings(BucketSettings.class, Map.of()), s.stores());
            bucket.grant(arn -> dev.apphome.common.PolicyDocument.allow("Reader", List.of("s3:GetObject"),
                    List.of(arn.applyValue(a -> a + "/*"))));
            bucket.complete();
        });
        var statements = Json.statements(plan.ofType("aws:s3/bucketPolicy:BucketPolicy").get(0), "policy");

        assertEquals(List.of("DenyInsecureTransport", "Reader"), statements.stream().map(st -> st.get("Sid")).toList());
        assertEquals(List.of(plan.ofType("aws:s3/bucketV2:BucketV2").get(0).outputs().get("arn") + "/*"),
                statements.get(1).get("Resource"));
    }

    @Test
    void aGrantAfterThePolicyIsWrittenIsRefused() {
        var e = assertThrows(Exception.class, () -> Components.declare(s -> {
            var bucket = new PrivateBucket("media", Components.settings(BucketSettings.class, Map.of()), s.stores());
            bucket.complete();
            bucket.grant(arn -> Map.of());
        }));
        assertTrue(e.getMessage().contains("media's policy is written already"), e.getMessage());
    }

    @Test
    void aLifecycleThatS3RefusesCannotBeBuiltInCodeEither() {
        var broken = new BucketSettings("logs", true, 30, 40, null, 30);

        var e = assertThrows(Exception.class, () -> Components.declare(s -> new PrivateBucket("logs", broken, s.stores())));
        assertTrue(e.getMessage().contains("BucketSettings breaks its rules: [glacierAfterDays: found 40 with "
                + "infrequentAccessAfterDays 30"), e.getMessage());
    }
}
