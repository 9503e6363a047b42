package dev.apphome.registry;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.plan.PlanRunner;
import dev.apphome.service.ServiceSettings;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repository alone. Mocks cannot prove that ECR evaluates the lifecycle rules in this order or
 * that KMS admits ECR (the key policy's account statement lets IAM grant it; ECR creates a grant).
 */
class ImageRepositoryComponentTest {

    private static PlanRunner.Result plan(Map<String, Object> values) {
        var settings = Components.settings(RepositorySettings.class, values);
        return Components.declare(s -> new ImageRepository("ecr-api", "test/api", settings, s.aws(), s.keyArn(),
                s.protection(), ComponentResourceOptions.Empty));
    }

    @Test
    void tagsAreImmutableImagesAreScannedOnPushAndEncryptedWithTheStacksKey() {
        var plan = plan(Map.of());
        var repository = plan.ofType("aws:ecr/repository:Repository").get(0);

        assertEquals("test/api", repository.inputString("name"));
        assertEquals("IMMUTABLE", repository.inputString("imageTagMutability"));
        assertEquals(Map.of("scanOnPush", true), repository.input("imageScanningConfiguration"));
        assertEquals(List.of(Map.of("encryptionType", "KMS", "kmsKey",
                plan.ofType("aws:kms/key:Key").get(0).outputs().get("arn"))), repository.input("encryptionConfigurations"));
    }

    @Test
    void untaggedImagesExpireAndTheNewestTaggedOnesAreKept() {
        var policy = Json.parse(plan(Map.of("untaggedExpiryDays", 3, "keepTagged", 20))
                .ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy").get(0).inputString("policy"));

        assertEquals(Map.of("rules", List.of(
                Map.of("rulePriority", 1L, "description", "Expire untagged images after 3 days",
                        "selection", Map.of("tagStatus", "untagged", "countType", "sinceImagePushed", "countUnit", "days",
                                "countNumber", 3L), "action", Map.of("type", "expire")),
                Map.of("rulePriority", 2L, "description", "Keep the newest 20 tagged images",
                        "selection", Map.of("tagStatus", "tagged", "tagPatternList", List.of("*"),
                                "countType", "imageCountMoreThan", "countNumber", 20L), "action", Map.of("type", "expire")))),
                policy);
    }

    @Test
    void theRepositoryPolicyDeniesEveryPrincipalOfAnotherAccount() {
        var statements = Json.statements(plan(Map.of()).ofType("aws:ecr/repositoryPolicy:RepositoryPolicy").get(0), "policy");

        assertEquals(List.of(Map.of("Sid", "OnlyThisAccount", "Effect", "Deny", "Principal", "*", "Action", "ecr:*",
                "Condition", Map.of("StringNotEquals", Map.of("aws:PrincipalAccount", "123456789012")))), statements);
    }

    @Test
    void aKeepCountBelowOneIsRefused() {
        var e = assertThrows(InvalidSettingsException.class,
                () -> Components.settings(RepositorySettings.class, Map.of("keepTagged", 0)));
        assertTrue(e.getMessage().contains("RepositorySettings.keepTagged: found 0; allowed: a whole number from 1 to 10000"),
                e.getMessage());
    }

    @Test
    void aMovingTagOnAnImmutableRepositoryIsRefused() {
        var e = assertThrows(InvalidSettingsException.class, () -> Components.settings(ServiceSettings.class,
                Map.of("kind", "worker", "repository", "api", "tag", "latest")));
        assertTrue(e.getMessage().contains("ServiceSettings.tag: found 'latest', a tag that moves to whatever was pushed "
                + "last, on repository 'api', whose tags are immutable (a second push of it is refused); allowed: a "
                + "version tag such as 1.4.2 or a commit id"), e.getMessage());
    }

    @Test
    void anImageAndARepositoryTogetherAreRefusedAndARepositoryTheStackLacksIsNamed() {
        var both = assertThrows(InvalidSettingsException.class, () -> Components.settings(ServiceSettings.class,
                Map.of("kind", "worker", "image", "app:1", "repository", "api", "tag", "1")));
        assertTrue(both.getMessage().contains("sets more than one of repository and image; allowed: exactly one"),
                both.getMessage());
        var missing = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL
                + "    jobs: {kind: worker, repository: jobs, tag: '1.0'}\n"));
        assertTrue(missing.getMessage().contains("apphome:services.jobs.repository: names repository 'jobs', which "
                + "apphome:repositories does not declare; declared: none"), missing.getMessage());
    }
}
