package dev.apphome.identity;

import dev.apphome.schema.Key;

/**
 * A Cognito user pool for administrators' sign-in ({@code userPool}). Users are created by an
 * administrator only (no self sign-up), sign in with their email address, and use a TOTP app as
 * second factor.
 *
 * @param mfa                    whether a second factor is required or optional
 * @param threatProtection       Cognito threat protection (advanced security)
 * @param deletionProtection     whether Cognito refuses to delete the pool
 * @param passwordMinLength      minimum password length
 * @param temporaryPasswordDays  days a temporary password from an administrator stays valid
 * @param sessionHours           hours an access or id token is valid
 * @param refreshDays            days a refresh token is valid
 */
public record UserPoolSettings(
        @Key(doc = "`required`: every user sets up an authenticator app (TOTP); `optional`: users may", dflt = "required")
        Mfa mfa,
        @Key(doc = "threat protection: `enforced` blocks risky sign-ins, `audit` only records them (both need the Plus "
                + "feature plan, about $0.02 per monthly active user), `off` (Essentials plan)", dflt = "enforced")
        ThreatProtection threatProtection,
        @Key(doc = "Cognito refuses to delete the pool (and its users)", dflt = "true") boolean deletionProtection,
        @Key(doc = "minimum password length", dflt = "14", min = 8, max = 99) int passwordMinLength,
        @Key(doc = "days an administrator's temporary password stays valid", unit = "days", dflt = "3", min = 1,
                max = 365) int temporaryPasswordDays,
        @Key(doc = "hours an access or id token is valid", unit = "hours", dflt = "1", min = 1, max = 24) int sessionHours,
        @Key(doc = "days a refresh token is valid", unit = "days", dflt = "7", min = 1, max = 3650) int refreshDays) {
}
