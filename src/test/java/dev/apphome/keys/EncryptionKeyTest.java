package dev.apphome.keys;

import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack key. Whether CloudWatch Logs and alarm notifications can use it is decided by AWS at
 * deploy time from the key policy; no mock evaluates it, so the statements are pinned exactly.
 */
class EncryptionKeyTest {

    @Test
    void theKeyRotatesYearlyAndIsProtectedInProd() {
        var key = Stacks.plan("prod").ofType("aws:kms/key:Key").get(0);

        assertEquals(true, key.input("enableKeyRotation"));
        assertEquals(365L, key.input("rotationPeriodInDays"));
        assertEquals(30L, key.input("deletionWindowInDays"));
        assertTrue(key.protect());
        assertFalse(Stacks.plan("dev").ofType("aws:kms/key:Key").get(0).protect());
        assertEquals("alias/apphome-prod", Stacks.plan("prod").ofType("aws:kms/alias:Alias").get(0).inputString("name"));
    }

    @Test
    void theKeyPolicyAdmitsTheAccountCloudWatchLogsAndAlarmPublishing() {
        var statements = Json.statements(Stacks.plan("prod").ofType("aws:kms/key:Key").get(0), "policy");

        assertEquals(List.of("AccountAdministersKey", "CloudWatchLogsEncryptsThisAccountsLogGroups",
                "CloudWatchAlarmsPublishToEncryptedTopic"), statements.stream().map(s -> s.get("Sid")).toList());
        assertEquals(Map.of("AWS", "arn:aws:iam::123456789012:root"), statements.get(0).get("Principal"));
        assertEquals(Map.of("Service", "logs.eu-west-1.amazonaws.com"), statements.get(1).get("Principal"));
        assertEquals(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                "arn:aws:logs:eu-west-1:123456789012:log-group:*")), statements.get(1).get("Condition"));
        assertEquals(Map.of("Service", "cloudwatch.amazonaws.com"), statements.get(2).get("Principal"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey*"), statements.get(2).get("Action"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), statements.get(2).get("Condition"));
    }

    @Test
    void everyLogGroupIsEncryptedWithTheKeyAndHasARetention() {
        var plan = Stacks.plan("prod");
        var groups = plan.ofType("aws:cloudwatch/logGroup:LogGroup");

        assertEquals(6, groups.size());
        for (var group : groups) {
            assertEquals(List.of("urn:pulumi:prod::apphome::pulumi:pulumi:Stack$apphome:keys:EncryptionKey$aws:kms/key:Key::apphome-prod-key-key"),
                    group.propertyDependencies().get("kmsKeyId"), group.name());
            assertEquals(90L, group.input("retentionInDays"), group.name());
        }
    }
}
