import { isSet } from "./values";

/** Names that say a variable holds a secret; the program's settings reader refuses the same words. */
export const SECRET_NAME_PATTERN = "(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH)";

/** The config every no-secrets-in-environment policy takes. */
export interface SecretNameConfig {
    secretNamePattern: string;
}

export const SECRET_NAME_CONFIG = {
    secretNamePattern: { type: "string" as const, default: SECRET_NAME_PATTERN },
};

/**
 * Whether a plain variable holds what its name says is a secret. A variable that only points at one
 * ({@code DB_SECRET_ARN}, {@code SHOP_API_TOKEN_SECRET_ARN}) does not: its value is an ARN, and
 * reading the secret still takes the role's permission. Nor does the key of a keyed secret that a
 * function is given beside that ARN ({@code SHOP_API_TOKEN_SECRET_KEY} next to
 * {@code SHOP_API_TOKEN_SECRET_ARN}), whose value is a JSON key name; without its ARN beside it, a
 * {@code _SECRET_KEY} is what it says (Stripe's {@code STRIPE_SECRET_KEY}). Task definitions and
 * functions share it.
 */
export function holdsSecret(config: SecretNameConfig, name: string, value: unknown,
                            siblings: Record<string, unknown> = {}): boolean {
    if (!new RegExp(config.secretNamePattern, "i").test(name) || /_ARN$/.test(name) || !isSet(value)) {
        return false;
    }
    const pointer = /^(.+)_SECRET_KEY$/.exec(name);
    const arn = pointer ? siblings[`${pointer[1]}_SECRET_ARN`] : undefined;
    const keyName = typeof value !== "string" || /^[A-Za-z0-9_.-]{1,128}$/.test(value);
    return !(pointer && isSet(arn) && keyName);
}
