package dev.apphome.common;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM, KMS, S3 and SNS policy documents written as Java maps and lists whose leaves may be
 * {@link Output}s (ARNs of resources not yet created), rendered to one JSON {@code Output<String>}.
 */
public final class PolicyDocument {

    private PolicyDocument() {
    }

    /** {@code {"Version": "2012-10-17", "Statement": [...]}} rendered once every output is known. */
    public static Output<String> of(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return render(document);
    }

    /** A statement; {@code resources} may hold strings and outputs. */
    public static Map<String, Object> allow(String sid, List<String> actions, List<?> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", List.copyOf(actions));
        statement.put("Resource", List.copyOf(resources));
        return statement;
    }

    /** The same statement with a principal. */
    public static Map<String, Object> withPrincipal(Map<String, Object> statement, String kind, Object principal) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("Sid", statement.get("Sid"));
        copy.put("Effect", statement.get("Effect"));
        copy.put("Principal", Map.of(kind, principal));
        statement.forEach((k, v) -> {
            if (!copy.containsKey(k)) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** The same statement with a condition block, e.g. {@code {"StringEquals": {"aws:SourceAccount": id}}}. */
    public static Map<String, Object> withCondition(Map<String, Object> statement, Map<String, Object> condition) {
        Map<String, Object> copy = new LinkedHashMap<>(statement);
        copy.put("Condition", condition);
        return copy;
    }

    /** Deny any request to {@code resources} that does not use TLS. */
    public static Map<String, Object> denyInsecureTransport(List<?> resources, String action) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "DenyInsecureTransport");
        statement.put("Effect", "Deny");
        statement.put("Principal", "*");
        statement.put("Action", action);
        statement.put("Resource", List.copyOf(resources));
        statement.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        return statement;
    }

    /** A trust policy letting one AWS service assume a role, only on behalf of this account. */
    public static Output<String> assumedBy(String servicePrincipal, Output<String> accountId) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", servicePrincipal));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        return of(List.of(statement));
    }

    /**
     * A trust policy letting one AWS service assume a role, with no source condition: for services whose
     * documented trust policy has none, where a condition the service does not satisfy would lock it out.
     */
    public static Output<String> assumedBy(String servicePrincipal) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", servicePrincipal));
        statement.put("Action", "sts:AssumeRole");
        return of(List.of(statement));
    }

    /** Renders a policy tree whose leaves may be outputs. */
    public static Output<String> render(Object tree) {
        return Json.render(tree);
    }
}
