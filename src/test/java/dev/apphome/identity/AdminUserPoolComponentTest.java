package dev.apphome.identity;

import dev.apphome.support.Components;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The user pool alone. Mocks cannot prove Cognito's pricing tier or its risk decisions. */
class AdminUserPoolComponentTest {

    @Test
    void requiredMfaEnforcedThreatProtectionOnThePlusPlanAndNoSelfSignUp() {
        var settings = Components.settings(UserPoolSettings.class, Map.of());
        var plan = Components.declare(s -> new AdminUserPool("pool", settings, s.stores()));
        var pool = plan.ofType("aws:cognito/userPool:UserPool").get(0);
        var client = plan.ofType("aws:cognito/userPoolClient:UserPoolClient").get(0);

        assertEquals(List.of("ON", true, "PLUS", "ENFORCED", "ACTIVE", true), List.of(pool.input("mfaConfiguration"),
                pool.input("softwareTokenMfaConfiguration.enabled"), pool.input("userPoolTier"),
                pool.input("userPoolAddOns.advancedSecurityMode"), pool.input("deletionProtection"),
                pool.input("adminCreateUserConfig.allowAdminCreateUserOnly")));
        assertEquals(14L, pool.input("passwordPolicy.minimumLength"));
        assertEquals(false, client.input("generateSecret"));
        assertEquals(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), client.input("explicitAuthFlows"));
    }

    @Test
    void optionalMfaWithoutThreatProtectionIsTheEssentialsPlan() {
        var settings = Components.settings(UserPoolSettings.class, Map.of("mfa", "optional", "threatProtection", "off",
                "deletionProtection", false));
        var pool = Components.declare(s -> new AdminUserPool("pool", settings, s.stores()))
                .ofType("aws:cognito/userPool:UserPool").get(0);

        assertEquals(List.of("OPTIONAL", "ESSENTIALS", "OFF", "INACTIVE"), List.of(pool.input("mfaConfiguration"),
                pool.input("userPoolTier"), pool.input("userPoolAddOns.advancedSecurityMode"), pool.input("deletionProtection")));
    }
}
