package dev.apphome.secrets;

import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.Problem;
import dev.apphome.plan.PlanDocument;
import dev.apphome.plan.PlanMocks;
import dev.apphome.plan.PlanRunner;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.apphome.support.Plans.source;
import static dev.apphome.support.Plans.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret with several keys: one JSON secret whose generated keys are drawn once and kept and
 * whose stack keys follow the config, injected key by key. What mocks cannot prove: that ECS
 * resolves {@code <arn>:<key>::} to the key of the current version (its documented valueFrom
 * format), and that Pulumi keeps a holder's first value under ignoreChanges across real deploys.
 */
class KeyedSecretsTest {

    private static final String SECRETS = """
              apphome:thirdParty_stripeKey:
                secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB
              apphome:secrets:
                thirdParty:
                  keys: {apifyToken: generated, stripeKey: stack}
            """;

    private static final String SERVICE = "port: 8080\n      secrets: {APIFY_TOKEN: thirdParty.apifyToken, "
            + "STRIPE_KEY: thirdParty.stripeKey}";

    private static PlanRunner.Result plan;

    /** Planned once for the class: one evaluation costs about a second. */
    private static synchronized PlanRunner.Result plan() {
        if (plan == null) {
            plan = Stacks.planOf(Stacks.MINIMAL.replace("port: 8080", SERVICE) + SECRETS);
        }
        return plan;
    }

    private static List<String> problems(String yaml) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void generatedKeysAreKeptInHoldersAndTheJsonFollowsThemAndTheConfig() {
        var plan = plan();
        var secret = plan.named("aws:secretsmanager/secret:Secret", "apphome-test-secrets-thirdParty");
        var version = plan.named("aws:secretsmanager/secretVersion:SecretVersion", "apphome-test-secrets-thirdParty");
        var holder = plan.named("aws:secretsmanager/secret:Secret", "apphome-test-secrets-thirdParty-apifyToken");
        var kept = plan.named("aws:secretsmanager/secretVersion:SecretVersion", "apphome-test-secrets-thirdParty-apifyToken");

        assertEquals(4, plan.ofType("aws:secretsmanager/secret:Secret").size() + plan.ofType(
                "aws:secretsmanager/secretVersion:SecretVersion").size());
        assertEquals("JSON of apifyToken (generated, 64 characters), stripeKey (set with pulumi config set --secret "
                + "thirdParty_stripeKey)", secret.input("description"));
        // The JSON follows the config (no ignoreChanges) and takes the generated key from its holder's kept value.
        assertEquals(List.of(), version.options().ignoreChanges());
        assertEquals(List.of(kept.urn()), sources(plan, version, "secretString").stream()
                .filter(r -> r.type().equals("aws:secretsmanager/secretVersion:SecretVersion")).map(r -> r.urn()).toList());
        assertEquals(Set.of("secretString"), version.secretInputs());
        assertEquals(List.of("secretString"), kept.options().ignoreChanges());
        assertEquals(Set.of("secretString"), kept.secretInputs());
        for (var s : List.of(secret, holder)) {
            assertEquals("aws:kms/key:Key", source(plan, s, "kmsKeyId").type());
            assertEquals(7L, s.input("recoveryWindowInDays"));
        }
        assertEquals(holder.urn(), source(plan, kept, "secretId").urn());
        assertFalse(PlanDocument.toJson(plan).contains(PlanMocks.PLACEHOLDER_SECRET));
    }

    @Test
    void eachKeyIsInjectedByItsJsonKeyAndTheExecutionRoleReadsOnlyThatSecret() {
        var plan = plan();
        String arn = plan.named("aws:secretsmanager/secret:Secret", "apphome-test-secrets-thirdParty").outputs().get("arn")
                .toString();
        var definitions = (List<?>) Json.parse(plan.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0)
                .inputString("containerDefinitions"));
        var statements = Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", "apphome-test-web-execution"), "policy");

        assertEquals(List.of(Map.of("name", "APIFY_TOKEN", "valueFrom", arn + ":apifyToken::"),
                Map.of("name", "STRIPE_KEY", "valueFrom", arn + ":stripeKey::")), ((Map<?, ?>) definitions.get(0)).get("secrets"));
        var read = statements.stream().filter(s -> s.get("Sid").equals("ReadOwnSecrets")).findFirst().orElseThrow();
        assertEquals(List.of("secretsmanager:GetSecretValue"), read.get("Action"));
        assertEquals(List.of(arn), read.get("Resource"));
    }

    @Test
    void aMissingStackKeyNamesTheExactCommand() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:thirdParty_stripeKey: is the value of "
                        + "apphome:secrets.thirdParty.keys.stripeKey but has no value; run: pulumi config set --secret "
                        + "--stack test thirdParty_stripeKey '<value>'"),
                problems(Stacks.MINIMAL + "  apphome:secrets:\n    thirdParty: {keys: {stripeKey: stack}}\n"));
    }

    @Test
    void aStackKeyHeldInPlainTextIsRefused() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:thirdParty_stripeKey: holds a plain value, but it is a secret; "
                        + "set it with pulumi config set --secret --stack test thirdParty_stripeKey '<value>' so that it "
                        + "is stored encrypted"),
                problems(Stacks.MINIMAL + "  apphome:thirdParty_stripeKey: sk_live_x\n"
                        + "  apphome:secrets:\n    thirdParty: {keys: {stripeKey: stack}}\n"));
    }

    @Test
    void aServiceInjectsOneKeyOfASecretWithKeysAndOnlyDeclaredOnes() {
        String yaml = Stacks.MINIMAL.replace("port: 8080", "port: 8080\n      secrets: {A: thirdParty, B: thirdParty.apifyTokn, "
                + "C: jwt.value}") + "  apphome:secrets:\n    thirdParty: {keys: {apifyToken: generated, webhook: generated}}\n"
                + "    jwt: {}\n";

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.web.secrets.A: names secret 'thirdParty', which holds "
                        + "several keys; allowed: one of them, as thirdParty.apifyToken or thirdParty.webhook",
                        "Pulumi.test.yaml: apphome:services.web.secrets.B: names key 'apifyTokn' of secret 'thirdParty', "
                        + "which apphome:secrets.thirdParty.keys does not declare; did you mean 'apifyToken'?; declared: "
                        + "apifyToken, webhook",
                        "Pulumi.test.yaml: apphome:services.web.secrets.C: names key 'value' of secret 'jwt', which has one "
                        + "value and no keys; allowed: jwt"),
                problems(yaml));
    }

    @Test
    void keysTakeTheirSourceFromKeysAndHaveCamelCaseNames() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:secrets.thirdParty.keys.api_token: key name 'api_token' is not "
                        + "allowed; allowed: 1 to 40 letters and digits in camelCase starting with a lowercase letter "
                        + "(services name it as thirdParty.<key>)",
                        "Pulumi.test.yaml: apphome:secrets.thirdParty.source: is stack, but the secret has keys, each with "
                        + "its own source; allowed: no source (write generated or stack for each key under keys)",
                        "Pulumi.test.yaml: apphome:secrets.other.keys.token: found 'random'; allowed: one of generated, "
                        + "stack"),
                problems(Stacks.MINIMAL + "  apphome:secrets:\n    thirdParty: {source: stack, keys: {api_token: generated}}\n"
                        + "    other: {keys: {token: random}}\n"));
    }

    @Test
    void aSecretWithOneValueIsDeclaredAsBefore() {
        var plan = Stacks.plan("dev");
        var version = plan.named("aws:secretsmanager/secretVersion:SecretVersion", "apphome-dev-secrets-jwtSigningKey");

        assertEquals(List.of("secretString"), version.options().ignoreChanges());
        assertEquals(1, plan.ofType("aws:secretsmanager/secret:Secret").stream()
                .filter(s -> s.name().startsWith("apphome-dev-secrets-")).count());
        assertTrue(plan.ofType("aws:ecs/taskDefinition:TaskDefinition").stream().anyMatch(t -> t.inputString(
                "containerDefinitions").contains("\"valueFrom\":\"" + plan.named("aws:secretsmanager/secret:Secret",
                "apphome-dev-secrets-jwtSigningKey").outputs().get("arn") + "\"")));
    }
}
