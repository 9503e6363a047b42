package dev.apphome.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The configuration as the Pulumi language host passes it to the program. */
class ConfigSourceTest {

    @Test
    void readsTheLanguageHostsDocumentsIncludingOldStyleKeys() {
        var source = ConfigSource.fromJson("prod",
                "{\"apphome:network\": \"{\\\"availabilityZones\\\": 3}\", \"aws:config:region\": \"eu-west-1\", "
                        + "\"apphome:stripeKey\": \"sk_live_x\"}",
                "[\"apphome:stripeKey\"]");

        assertEquals("Pulumi.prod.yaml", source.file());
        assertEquals(Map.of("apphome:network", "{\"availabilityZones\": 3}", "aws:region", "eu-west-1",
                "apphome:stripeKey", "sk_live_x"), source.values());
        assertEquals(Set.of("apphome:stripeKey"), source.secretKeys());
        assertEquals(Map.of("availabilityZones", 3L), source.parsed("apphome:network", new Problems("x")).orElseThrow());
    }

    @Test
    void neverHandsOutASecretValueAsSettings() {
        var source = ConfigSource.fromJson("prod", "{\"apphome:stripeKey\": \"sk_live_x\"}", "[\"apphome:stripeKey\"]");

        var e = assertThrows(IllegalStateException.class, () -> source.parsed("apphome:stripeKey", new Problems("x")));
        assertEquals("secret value of apphome:stripeKey must be read with requireSecret", e.getMessage());
    }

    @Test
    void settingsProblemsReachTheEngineAsARunExceptionWhoseStackItHides() {
        // The engine prints a RunException's message alone; any other exception with its stack trace.
        assertEquals(com.pulumi.exceptions.RunException.class, InvalidSettingsException.class.getSuperclass());
    }

    @Test
    void noConfigAtAllIsEmpty() {
        assertEquals(Map.of(), ConfigSource.fromJson("dev", null, null).values());
    }

    @Test
    void aMisshapedStackNameIsRefusedBeforeItReachesAwsNames() {
        var e = assertThrows(InvalidSettingsException.class, () -> dev.apphome.AppStack.settings("apphome", "Prod_EU",
                new ConfigSource("Pulumi.Prod_EU.yaml", Map.of("aws:region", "eu-west-1",
                        "apphome:services", "{\"web\": {\"kind\": \"worker\", \"image\": \"app:1\"}}"), Set.of())));

        assertEquals("Pulumi.Prod_EU.yaml: (stack name): 'apphome-Prod_EU' (project-stack) cannot prefix AWS names; "
                + "allowed: lowercase letters, digits and hyphens, starting with a letter, at most 30 characters (the "
                + "cache's id, which adds '-cache', is limited to 40)", e.problems().get(0).toString());
        assertEquals(1, e.problems().size(), e.getMessage());
    }
}
