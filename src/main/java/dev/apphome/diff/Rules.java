package dev.apphome.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The replacements the provider decides at plan time ({@code replaceWhen} in the table), evaluated
 * on the old and new inputs the way the provider's CustomizeDiff or ModifyPlan function decides them.
 * A rule that needs a value the documents do not hold answers "replaces", so that nothing stateful
 * slips through on a guess.
 */
final class Rules {

    /** Every rule id this class evaluates; a test checks the table uses no other. */
    static final Set<String> KNOWN = Set.of("unless-ipam-netmask", "tenancy", "private-nat-only", "source-kind-changes",
            "lb-subnet-mappings", "nlb-subnets-not-growing", "nlb-security-groups-presence", "capacity-strategy",
            "non-aurora-engine", "engine-except-redis-to-valkey", "engine-version-below:7.0.5", "downgrade",
            "changed-to-other-value", "changes-to:LOCAL", "user-data-replace-on-change");

    private Rules() {
    }

    /** Whether a change of {@code input} from {@code before} to {@code after} replaces the resource. */
    static boolean replaces(String rule, String input, JsonObject before, JsonObject after) {
        JsonElement old = before.get(input);
        JsonElement now = after.get(input);
        return switch (rule) {
            case "unless-ipam-netmask" -> !after.has("ipv4NetmaskLength");
            case "tenancy" -> !("dedicated".equals(text(old)) && "default".equals(text(now)));
            case "private-nat-only" -> "private".equals(text(after.get("connectivityType")));
            case "source-kind-changes" -> !kinds(before).equals(kinds(after));
            case "lb-subnet-mappings" -> mappingsReplace(network(after), set(old), set(now));
            case "nlb-subnets-not-growing" -> network(after) && set(now).size() <= set(old).size();
            case "nlb-security-groups-presence" -> network(after) && set(old).isEmpty() != set(now).isEmpty();
            case "capacity-strategy" -> !"true".equals(text(after.get("forceNewDeployment")))
                    || set(old).isEmpty() != set(now).isEmpty();
            case "non-aurora-engine" -> {
                String engine = text(after.get("engine")) != null ? text(after.get("engine")) : text(before.get("engine"));
                yield engine == null || !engine.startsWith("aurora");
            }
            case "engine-except-redis-to-valkey" -> !("redis".equals(text(old)) && "valkey".equals(text(now)));
            case "engine-version-below:7.0.5" -> {
                String version = text(before.get("engineVersion")) != null ? text(before.get("engineVersion"))
                        : text(after.get("engineVersion"));
                yield version == null || compareVersions(version, "7.0.5") < 0;
            }
            case "downgrade" -> text(old) == null || text(now) == null || compareVersions(text(now), text(old)) < 0;
            case "changed-to-other-value" -> !blank(text(old)) && !blank(text(now)) && !text(old).equals(text(now));
            // aws_instance's CustomizeDiff: ForceNewIf(user_data, user_data_replace_on_change).
            case "user-data-replace-on-change" -> "true".equals(text(after.get("userDataReplaceOnChange")));
            case "changes-to:LOCAL" -> "LOCAL".equals(text(now)) && !"LOCAL".equals(text(old));
            default -> throw new IllegalStateException("the replace-forcing table names rule '" + rule
                    + "', which bin/diff does not know");
        };
    }

    /** Application load balancers take additions or removals in place; network ones only additions. */
    private static boolean mappingsReplace(boolean network, Set<String> old, Set<String> now) {
        Set<String> removed = new HashSet<>(old);
        removed.removeAll(now);
        Set<String> added = new HashSet<>(now);
        added.removeAll(old);
        boolean swapped = old.size() == now.size() && !old.equals(now);
        return swapped || (network ? !removed.isEmpty() : !removed.isEmpty() && !added.isEmpty());
    }

    private static boolean network(JsonObject inputs) {
        return "network".equals(text(inputs.get("loadBalancerType")));
    }

    private static Set<String> kinds(JsonObject inputs) {
        Set<String> kinds = new HashSet<>();
        for (String key : List.of("cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId")) {
            if (inputs.has(key) && !inputs.get(key).isJsonNull()) {
                kinds.add(key);
            }
        }
        return kinds;
    }

    private static Set<String> set(JsonElement list) {
        Set<String> out = new HashSet<>();
        if (list instanceof JsonArray array) {
            array.forEach(e -> out.add(e.toString()));
        }
        return out;
    }

    private static String text(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Compares dotted versions by their numeric parts ({@code 7.1} &lt; {@code 7.10}; {@code 7.x} = {@code 7}). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\D+");
        String[] y = b.split("\\D+");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i]) : 0;
            long q = i < y.length && !y[i].isEmpty() ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
