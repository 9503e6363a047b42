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
 * @param secrets        variable name to the ARN of the Secrets Manager secret holding its value
 * @param taskStatements IAM statements for the task role
 */
public record Connection(Map<String, Output<String>> environment, Map<String, Output<String>> secrets,
                         List<Map<String, Object>> taskStatements) {

    public Connection {
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        taskStatements = List.copyOf(taskStatements);
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
        List<Map<String, Object>> statements = new ArrayList<>(taskStatements);
        statements.addAll(other.taskStatements);
        return new Connection(env, sec, statements);
    }
}
