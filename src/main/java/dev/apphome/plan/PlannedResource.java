package dev.apphome.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resource as the engine saw it: what the program asked for (inputs, options, dependencies)
 * and what the mock answered (id, outputs). Secret values read {@value #SECRET}.
 *
 * @param urn                  the resource's URN
 * @param type                 its type token, e.g. {@code aws:ec2/vpc:Vpc}
 * @param name                 its logical name
 * @param custom               false for components and the stack
 * @param parent               the parent's URN, empty for the stack
 * @param inputs               the inputs, with secrets masked
 * @param secretInputs         names of top-level inputs that hold a secret
 * @param protect              Pulumi's {@code protect} option
 * @param retainOnDelete       Pulumi's {@code retainOnDelete} option
 * @param dependencies         URNs this resource depends on
 * @param propertyDependencies input name to the URNs its value came from
 * @param id                   the mocked id (empty for components)
 * @param outputs              the mocked outputs, with secrets masked
 * @param aliases              URNs this resource had before, which the engine takes as its own
 */
public record PlannedResource(
        String urn,
        String type,
        String name,
        boolean custom,
        String parent,
        Map<String, Object> inputs,
        Set<String> secretInputs,
        boolean protect,
        boolean retainOnDelete,
        List<String> dependencies,
        Map<String, List<String>> propertyDependencies,
        String id,
        Map<String, Object> outputs,
        List<String> aliases) {

    public static final String SECRET = "[secret]";

    /** An input by dotted path ({@code healthCheck.path}, {@code subnets.0}), or null. */
    public Object input(String path) {
        Object node = inputs;
        for (String part : path.split("\\.")) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(part);
            } else if (node instanceof List<?> list && part.matches("\\d+") && Integer.parseInt(part) < list.size()) {
                node = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return node;
    }

    public String inputString(String path) {
        Object value = input(path);
        return value == null ? null : String.valueOf(value);
    }
}
