package dev.apphome.wiring;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service receives from a data store it uses: plain environment variables (host, port,
 * names — never credentials), secrets by ARN (injected by ECS from Secrets Manager at task start),
 * and the task-role statements that give exactly the access it needs. Data stores hand these out;
 * a service only adds them up.
 *
 * @param environment    variable name to value
 * @param secrets        variable name to where ECS reads its value: a secret's ARN, or
 *                       {@code <arn>:<json-key>::} for one key of a JSON secret
 * @param taskStatements IAM statements for the task role
 * @param secretArns     variable name to the ARN of the secret it is read from, which the execution
 *                       role may read (the same as {@code secrets} unless a variable is one JSON key)
 */
public record Connection(Map<String, Output<String>> environment, Map<String, Output<String>> secrets,
                         List<Map<String, Object>> taskStatements, Map<String, Output<String>> secretArns) {

    public Connection {
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        taskStatements = List.copyOf(taskStatements);
        secretArns = Map.copyOf(secretArns);
        if (!secretArns.keySet().equals(secrets.keySet())) {
            throw new IllegalArgumentException("every secret variable needs its secret's ARN: " + secrets.keySet()
                    + " vs " + secretArns.keySet());
        }
    }

    /** A connection whose secrets are whole secrets, each read by its ARN. */
    public Connection(Map<String, Output<String>> environment, Map<String, Output<String>> secrets,
                      List<Map<String, Object>> taskStatements) {
        this(environment, secrets, taskStatements, secrets);
    }

    public static Connection none() {
        return new Connection(Map.of(), Map.of(), List.of());
    }

    /** Both connections' variables, secrets and statements; a name set twice keeps the first. */
    public Connection and(Connection other) {
        Map<String, Output<String>> env = new LinkedHashMap<>(environment);
        other.environment.forEach(env::putIfAbsent);
        Map<String, Output<String>> sec = new LinkedHashMap<>(secrets);
        other.secrets.forEach(sec::putIfAbsent);
        Map<String, Output<String>> arns = new LinkedHashMap<>(secretArns);
        other.secretArns.forEach(arns::putIfAbsent);
        List<Map<String, Object>> statements = new ArrayList<>(taskStatements);
        statements.addAll(other.taskStatements);
        return new Connection(env, sec, statements, arns);
    }
}
