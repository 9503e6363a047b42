package dev.apphome.identity;

/** Whether users must set up a second factor (a TOTP authenticator app). */
public enum Mfa {
    /** Every user sets up an authenticator app at first sign-in. */
    REQUIRED("ON"),
    /** Users may set one up. */
    OPTIONAL("OPTIONAL");

    /** Cognito's value of {@code mfaConfiguration}. */
    final String cognito;

    Mfa(String cognito) {
        this.cognito = cognito;
    }
}
