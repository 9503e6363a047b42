package dev.apphome.wiring;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.apphome.common.PolicyDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service receives from a data store it uses: plain environment variables (host, port,
 * names — never credentials), secrets by ARN (injected by ECS from Secrets Manager at task start),
 * the task-role statements that give exactly the access it needs, and the resources that must
 * exist before a task can start with them (a secret's value, not only the secret). Data stores
 * hand these out; a service only adds them up.
 *
 * @param environment    variable name to value
 * @param secrets        variable name to where ECS reads its value: a secret's ARN, or
 *                       {@code <arn>:<json-key>::} for one key of a JSON secret
 * @param taskStatements IAM statements for the task role
 * @param prerequisites  resources a task needs in place before it starts, e.g. secret versions
 * @param secretArns     variable name to the ARN of the secret it is read from, which the execution
 *                       role may read (the same as {@code secrets} unless a variable is one JSON key)
 */
public record Connection(Map<String, Output<String>> environment, Map<String, Output<String>> secrets,
                         List<Map<String, Object>> taskStatements, List<Resource> prerequisites,
                         Map<String, Output<String>> secretArns) {

    public Connection {
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        taskStatements = List.copyOf(taskStatements);
        prerequisites = List.copyOf(prerequisites);
        secretArns = Map.copyOf(secretArns);
        if (!secretArns.keySet().equals(secrets.keySet())) {
            throw new IllegalArgumentException("every secret variable needs its secret's ARN: " + secrets.keySet()
                    + " vs " + secretArns.keySet());
        }
    }

    /** A connection whose secrets are whole secrets, each read by its ARN. */
    public Connection(Map<String, Output<String>> environment, Map<String, Output<String>> secrets,
                      List<Map<String, Object>> taskStatements, List<Resource> prerequisites) {
        this(environment, secrets, taskStatements, prerequisites, secrets);
    }

    /** A connection whose task needs nothing in place beyond what its values already depend on. */
    public Connection(Map<String, Output<String>> environment, Map<String, Output<String>> secrets,
                      List<Map<String, Object>> taskStatements) {
        this(environment, secrets, taskStatements, List.of());
    }

    public static Connection none() {
        return new Connection(Map.of(), Map.of(), List.of());
    }

    /**
     * What reading its secrets needs, for the role that reads them (a task's execution role, a
     * function's own role): GetSecretValue on exactly those secrets, each once however many of its
     * keys are injected, in variable order, and decrypting with the stack's key through Secrets
     * Manager only. None without secrets.
     */
    public List<Map<String, Object>> secretStatements(Output<String> keyArn, String region) {
        if (secrets.isEmpty()) {
            return List.of();
        }
        // The same secret is the same output, whichever of its keys a variable names.
        List<Output<String>> arns = new ArrayList<>();
        new TreeMap<>(secretArns).values().forEach(arn -> {
            if (arns.stream().noneMatch(a -> a == arn)) {
                arns.add(arn);
            }
        });
        return List.of(PolicyDocument.allow("ReadOwnSecrets", List.of("secretsmanager:GetSecretValue"), arns),
                PolicyDocument.withCondition(PolicyDocument.allow("DecryptOwnSecrets",
                                List.of("kms:Decrypt"), List.of(keyArn)),
                        Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager." + region + ".amazonaws.com"))));
    }

    /** Both connections' variables, secrets, statements and prerequisites; a name set twice keeps the first. */
    public Connection and(Connection other) {
        Map<String, Output<String>> env = new LinkedHashMap<>(environment);
        other.environment.forEach(env::putIfAbsent);
        Map<String, Output<String>> sec = new LinkedHashMap<>(secrets);
        other.secrets.forEach(sec::putIfAbsent);
        Map<String, Output<String>> arns = new LinkedHashMap<>(secretArns);
        other.secretArns.forEach(arns::putIfAbsent);
        List<Map<String, Object>> statements = new ArrayList<>(taskStatements);
        statements.addAll(other.taskStatements);
        List<Resource> ready = new ArrayList<>(prerequisites);
        other.prerequisites.stream().filter(r -> !ready.contains(r)).forEach(ready::add);
        return new Connection(env, sec, statements, ready, arns);
    }
}
