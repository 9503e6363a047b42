import { holdsSecret, SECRET_NAME_CONFIG, SecretNameConfig } from "../../lib/environment";
import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, parseJson } from "../../lib/values";

export const ecsNoSecretsInEnvironment = resourcePolicy<SecretNameConfig>({
    name: "ecs-no-secrets-in-environment",
    description: "Task definitions must not put secret-looking values in plain environment variables; secrets reach "
        + "containers through secrets[].valueFrom from Secrets Manager (FSBP ECS.8; cdk-nag AwsSolutions-ECS2).",
    category: "exposure",
    controls: ["ECS.8", "AwsSolutions-ECS2", "E4"],
    enforcementLevel: "mandatory",
    config: SECRET_NAME_CONFIG,
}, [T.ecsTaskDefinition], (r, out, config) => {
    const containers = asArray(parseJson("containerDefinitions", () => r.props.containerDefinitions) as any[]);
    for (const container of containers) {
        for (const variable of asArray(container?.environment) as any[]) {
            if (holdsSecret(config, String(variable.name), variable.value)) {
                out.violation(r, `container ${container.name} has ${variable.name} in its plain environment`,
                    "secret values only under secrets[].valueFrom",
                    `move ${variable.name} to apphome:secrets and reference it under the service's secrets`);
            }
        }
    }
});
