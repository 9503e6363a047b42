package dev.apphome.secrets;

import dev.apphome.plan.PlanDocument;
import dev.apphome.plan.PlanMocks;
import dev.apphome.plan.PlanRunner;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets never appear in plain text in a plan, and reach containers only by ARN. */
class SecretsTest {

    private static final String STACK_SECRET = """
              apphome:stripeKey:
                secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB
              apphome:secrets:
                stripeKey: {source: stack, recoveryWindowDays: 30}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noPlaceholderOrGeneratedValueAppearsInThePlanDocument(String stack) {
        String json = PlanDocument.toJson(Stacks.plan(stack));

        assertFalse(json.contains(PlanMocks.PLACEHOLDER_SECRET));
        assertTrue(json.contains("\"secretString\": \"[secret]\""));
    }

    @Test
    void generatedSecretsAreEncryptedWithTheStackKeyAndKeptAcrossRuns() {
        var plan = Stacks.plan("prod");
        var secret = plan.named("aws:secretsmanager/secret:Secret", "apphome-prod-secrets-jwtSigningKey");
        var version = plan.named("aws:secretsmanager/secretVersion:SecretVersion", "apphome-prod-secrets-jwtSigningKey");

        assertEquals("aws:kms/key:Key", source(plan, secret, "kmsKeyId").type());
        assertEquals(7L, secret.input("recoveryWindowInDays"));
        assertEquals(Set.of("secretString"), version.secretInputs());
        assertEquals("[secret]", version.outputs().get("secretString"));
    }

    @Test
    void aStackSecretIsReadAsASecretAndInjectedByArn() {
        PlanRunner.Result plan = Stacks.planOf(Stacks.MINIMAL.replace("port: 8080",
                "port: 8080\n      secrets: {STRIPE_KEY: stripeKey}") + STACK_SECRET);
        var secret = plan.named("aws:secretsmanager/secret:Secret", "apphome-test-secrets-stripeKey");
        var version = plan.named("aws:secretsmanager/secretVersion:SecretVersion", "apphome-test-secrets-stripeKey");
        String definitions = plan.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0).inputString("containerDefinitions");

        assertEquals(30L, secret.input("recoveryWindowInDays"));
        assertEquals(Set.of("secretString"), version.secretInputs());
        assertTrue(definitions.contains("{\"name\":\"STRIPE_KEY\",\"valueFrom\":\"" + secret.outputs().get("arn") + "\"}"));
        String json = PlanDocument.toJson(plan);
        int at = json.indexOf(PlanMocks.PLACEHOLDER_SECRET);
        assertEquals(-1, at, () -> json.substring(Math.max(0, at - 600), at + 50));
    }
}
