import { holdsSecret, SECRET_NAME_CONFIG, SecretNameConfig } from "../../lib/environment";
import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const lambdaNoSecretsInEnvironment = resourcePolicy<SecretNameConfig>({
    name: "lambda-no-secrets-in-environment",
    description: "Lambda functions must not put secret-looking values in plain environment variables, which anyone "
        + "allowed lambda:GetFunctionConfiguration reads; a function reads its secrets from Secrets Manager by ARN "
        + "(checkov CKV_AWS_45).",
    category: "exposure",
    controls: ["CKV_AWS_45"],
    enforcementLevel: "mandatory",
    config: SECRET_NAME_CONFIG,
}, [T.lambdaFunction], (r, out, config) => {
    const variables = known("environment.variables", () => r.props.environment?.variables) ?? {};
    for (const name of Object.keys(variables).sort()) {
        if (holdsSecret(config, name, variables[name], variables)) {
            out.violation(r, `${name} is in the function's plain environment`,
                "secret values only in Secrets Manager, the function given the secret's ARN",
                `move ${name} to apphome:secrets and name it under the function's secrets (it then receives `
                    + `${name}_SECRET_ARN)`);
        }
    }
});
