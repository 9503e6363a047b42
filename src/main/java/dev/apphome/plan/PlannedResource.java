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
 * @param options              the other resource options the engine records and passes to policies
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
        Options options) {

    public static final String SECRET = "[secret]";

    /**
     * The resource options besides parent, protect, retainOnDelete and dependencies, as the engine
     * records them from the register-resource request.
     *
     * @param provider                the provider reference {@code <provider urn>::<provider id>}; for a
     *                                resource without an explicit provider, the engine's default provider
     *                                of its package ({@code default_6_83_0}); empty for components
     * @param ignoreChanges           input names whose changes are ignored
     * @param additionalSecretOutputs output names the engine keeps secret
     * @param aliases                 former URNs of the resource
     * @param customTimeouts          create/update/delete/read timeouts in seconds; empty when none is set
     * @param deleteBeforeReplace     the option when the program set it, else null (the engine then decides)
     * @param replaceOnChanges        input names whose changes force a replacement
     * @param deletedWith             the URN whose deletion deletes this resource, or empty
     */
    public record Options(
            String provider,
            List<String> ignoreChanges,
            List<String> additionalSecretOutputs,
            List<String> aliases,
            Map<String, Double> customTimeouts,
            Boolean deleteBeforeReplace,
            List<String> replaceOnChanges,
            String deletedWith) {

        public static final Options NONE = new Options("", List.of(), List.of(), List.of(), Map.of(), null, List.of(), "");
    }

    /**
     * The URN of the explicit provider the resource was registered with (e.g. the stack's us-east-1
     * provider), or empty for the engine's default provider and for components.
     */
    public String providerUrn() {
        String provider = options.provider();
        int at = provider.lastIndexOf("::");
        String urn = at < 0 ? "" : provider.substring(0, at);
        return urn.substring(urn.lastIndexOf("::") + 2).startsWith("default") ? "" : urn;
    }

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
