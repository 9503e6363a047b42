package dev.apphome.identity;

/** Cognito threat protection (formerly advanced security): risk-based blocking of suspicious sign-ins. */
public enum ThreatProtection {
    /** Blocks or challenges risky sign-ins and compromised passwords. Needs the Plus feature plan. */
    ENFORCED,
    /** Only records risk. Needs the Plus feature plan. */
    AUDIT,
    /** None; the Essentials feature plan. */
    OFF;

    /** The feature plan the mode needs: threat protection exists only on Plus. */
    String tier() {
        return this == OFF ? "ESSENTIALS" : "PLUS";
    }
}
