import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, parseJson } from "../../lib/values";

interface Config {
    secretNamePattern: string;
}

export const ecsNoSecretsInEnvironment = resourcePolicy<Config>({
    name: "ecs-no-secrets-in-environment",
    description: "Task definitions must not put secret-looking values in plain environment variables; secrets reach "
        + "containers through secrets[].valueFrom from Secrets Manager (FSBP ECS.8; cdk-nag AwsSolutions-ECS2).",
    category: "exposure",
    controls: ["ECS.8", "AwsSolutions-ECS2", "E4"],
    enforcementLevel: "mandatory",
    config: {
        secretNamePattern: {
            type: "string",
            default: "(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH)",
        },
    },
}, [T.ecsTaskDefinition], (r, out, config) => {
    const pattern = new RegExp(config.secretNamePattern, "i");
    const containers = asArray(parseJson("containerDefinitions", () => r.props.containerDefinitions) as any[]);
    for (const container of containers) {
        for (const variable of asArray(container?.environment) as any[]) {
            // A variable that names a secret (DB_SECRET_ARN) is fine; one that holds it is not.
            if (pattern.test(String(variable.name)) && !/_ARN$/.test(String(variable.name)) && variable.value) {
                out.violation(r, `container ${container.name} has ${variable.name} in its plain environment`,
                    "secret values only under secrets[].valueFrom",
                    `move ${variable.name} to apphome:secrets and reference it under the service's secrets`);
            }
        }
    }
});
