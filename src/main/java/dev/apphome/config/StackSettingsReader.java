package dev.apphome.config;

import com.pulumi.aws.enums.Region;
import dev.apphome.audit.TrailSettings;
import dev.apphome.budget.BudgetSettings;
import dev.apphome.common.LogRetention;
import dev.apphome.edge.DistributionSettings;
import dev.apphome.registry.RepositorySettings;
import dev.apphome.loadbalancer.LoadBalancerSettings;
import dev.apphome.network.NetworkSettings;
import dev.apphome.schema.Key;
import dev.apphome.secrets.SecretSettings;
import dev.apphome.service.ClusterSettings;
import dev.apphome.service.ServiceSettings;
import dev.apphome.wiring.StoreKind;
import dev.apphome.wiring.Uses;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link ConfigSource} into {@link StackSettings}, finding every problem in one pass: the
 * file's own keys (unknown namespaces and keys, secrets stored plainly or settings stored as
 * secrets), the region, then each concern bound by {@link SettingsReader} against its settings
 * record, then the rules that span concerns ({@link CrossRules}).
 */
public final class StackSettingsReader {

    /**
     * The AWS provider's configuration keys, from its own {@code Config} class: anything else under
     * {@code aws:} is a typo the provider would ignore.
     */
    static final List<String> AWS_KEYS = Arrays.stream(com.pulumi.aws.Config.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 0 && m.getReturnType() == Optional.class)
            .map(Method::getName).sorted().toList();

    /** The regions the AWS provider knows. */
    static final List<String> REGIONS = Arrays.stream(Region.values()).map(Region::getValue).toList();

    private static final Pattern STACK_PREFIX = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private StackSettingsReader() {
    }

    /** The project's own top-level keys, in the order the reference and messages list them. */
    public static List<String> keys(List<StoreKind<?, ?>> kinds) {
        List<String> keys = new ArrayList<>();
        for (Schema.Entry entry : Schema.of(TopLevel.class).entries()) {
            keys.add(entry.key());
            if (entry.key().equals("services")) {
                kinds.forEach(k -> keys.add(k.key()));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * One settings record bound from plain values exactly as a stack file's would be (defaults,
     * ranges, rules), for settings built in code; throws {@link InvalidSettingsException} listing
     * every problem.
     */
    public static <T> T record(Class<T> type, Map<String, Object> values, List<StoreKind<?, ?>> kinds) {
        Problems problems = new Problems("(settings)");
        Map<Class<?>, SettingsReader.Adapter> adapters = new LinkedHashMap<>();
        adapters.put(LogRetention.class, StackSettingsReader::logRetention);
        adapters.put(Uses.class, (r, path, raw, key) -> uses(r, path, raw, kinds));
        Object bound = new SettingsReader(problems, adapters).record(type, type.getSimpleName(), values, "test");
        problems.throwIfAny();
        return type.cast(bound);
    }

    /** Reads and validates; throws {@link InvalidSettingsException} listing every problem. */
    public static StackSettings read(String project, String stack, ConfigSource source, List<StoreKind<?, ?>> kinds) {
        return new Run(project, stack, source, kinds).read();
    }

    private static final class Run {
        private final String project;
        private final String stack;
        private final ConfigSource source;
        private final List<StoreKind<?, ?>> kinds;
        private final Problems problems;
        private final SettingsReader reader;
        private final String ns;

        Run(String project, String stack, ConfigSource source, List<StoreKind<?, ?>> kinds) {
            this.project = project;
            this.stack = stack;
            this.source = source;
            this.kinds = List.copyOf(kinds);
            this.problems = new Problems(source.file());
            this.ns = project + ":";
            Map<Class<?>, SettingsReader.Adapter> adapters = new LinkedHashMap<>();
            adapters.put(LogRetention.class, StackSettingsReader::logRetention);
            adapters.put(Uses.class, (r, path, raw, key) -> uses(r, path, raw, this.kinds));
            this.reader = new SettingsReader(problems, adapters);
        }

        /** The value of {@code apphome:stack} in the stack file's {@code aws:defaultTags}, if it sets one. */
        private String defaultTag() {
            String raw = source.values().get("aws:defaultTags");
            if (raw == null) {
                return null;
            }
            try {
                Object parsed = new com.google.gson.Gson().fromJson(raw, Object.class);
                if (parsed instanceof Map<?, ?> m && m.get("tags") instanceof Map<?, ?> tags) {
                    Object value = tags.get(dev.apphome.budget.BudgetSettings.STACK_TAG);
                    return value == null ? null : String.valueOf(value);
                }
            } catch (com.google.gson.JsonParseException e) {
                return null;
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        StackSettings read() {
            checkStackName();
            @SuppressWarnings("unchecked")
            Map<String, SecretSettings> secrets = (Map<String, SecretSettings>) orEmpty(bind("secrets"));
            checkTopLevelKeys(secrets);
            String region = region();
            Object network = bind("network");
            Object loadBalancer = bind("loadBalancer");
            Object cluster = bind("cluster");
            Map<StoreKind<?, ?>, Object> stores = new LinkedHashMap<>();
            for (StoreKind<?, ?> kind : kinds) {
                Object raw = raw(kind.key());
                String path = ns + kind.key();
                Object bound = kind.named() ? reader.named(kind.settings(), path, raw)
                        : raw == null ? Optional.empty() : wrap(reader.record(kind.settings(), path, raw, null));
                if (bound != SettingsReader.FAILED) {
                    stores.put(kind, bound);
                }
            }
            Object distributions = bind("distributions");
            Object repositories = bind("repositories");
            Object services = bind("services");
            Object alerts = bind("alerts");
            Object traceSampling = bind("traceSampling");
            Object budget = bind("budget");
            Object trail = bind("trail");
            Object logRetention = bind("logRetentionDays");
            Object protect = bind("protectResources");
            @SuppressWarnings("unchecked")
            List<dev.apphome.diff.ReplaceAllowance> allowReplace =
                    (List<dev.apphome.diff.ReplaceAllowance>) orEmptyList(bind("allowReplace"));

            @SuppressWarnings("unchecked")
            Map<String, ServiceSettings> serviceMap = (Map<String, ServiceSettings>) orEmpty(services);
            var draft = new CrossRules.Draft(ns, stack, REGIONS.contains(region) ? region : null, problems, ok(network) ? (NetworkSettings) network : null,
                    rawNames("services"), serviceMap, rawNames("secrets"),
                    secrets, ok(loadBalancer) ? (LoadBalancerSettings) loadBalancer : null,
                    ok(cluster) ? (ClusterSettings) cluster : null,
                    ok(alerts) ? (dev.apphome.alerts.AlertSettings) alerts : null, kinds, stores, declaredStores(),
                    rawNames("repositories"), (Map<String, RepositorySettings>) orEmpty(repositories),
                    (Map<String, DistributionSettings>) orEmpty(distributions), rawNames("distributions"),
                    ok(budget) ? ((Optional<BudgetSettings>) budget).orElse(null) : null, defaultTag());
            CrossRules.check(draft);
            problems.throwIfAny();

            boolean anyWeb = serviceMap.values().stream().anyMatch(s -> s.kind() instanceof dev.apphome.service.ServiceKind.Web);
            return new StackSettings(project, stack, region, (NetworkSettings) network,
                    Optional.of((LoadBalancerSettings) loadBalancer).filter(lb -> anyWeb), (ClusterSettings) cluster,
                    List.copyOf(serviceMap.values()), List.copyOf(secrets.values()),
                    (dev.apphome.alerts.AlertSettings) alerts, (dev.apphome.service.TraceSampling) traceSampling,
                    (LogRetention) logRetention, (Boolean) protect, allowReplace, stores,
                    problems.warnings(), List.copyOf(((Map<String, DistributionSettings>) distributions).values()),
                    List.copyOf(((Map<String, RepositorySettings>) repositories).values()),
                    (Optional<BudgetSettings>) budget, (Optional<TrailSettings>) trail);
        }

        private static boolean ok(Object value) {
            return value != null && value != SettingsReader.FAILED;
        }

        private static Object orEmpty(Object value) {
            return value == SettingsReader.FAILED ? Map.of() : value;
        }

        private static Object orEmptyList(Object value) {
            return value == SettingsReader.FAILED ? List.of() : value;
        }

        private static Object wrap(Object record) {
            return record == SettingsReader.FAILED ? record : Optional.of(record);
        }

        /** One of {@link TopLevel}'s keys, bound. */
        private Object bind(String key) {
            Schema.Entry entry = Schema.of(TopLevel.class).entries().stream().filter(e -> e.key().equals(key))
                    .findFirst().orElseThrow();
            return reader.value(entry.type(), ns + key, raw(key), entry.annotation());
        }

        /** The parsed value of {@code project:key}; null when absent or stored as a secret (reported elsewhere). */
        private Object raw(String key) {
            if (source.isSecret(ns + key)) {
                return null;
            }
            return source.parsed(ns + key, problems).orElse(null);
        }

        /** The names a map-valued key declares, whether or not their entries are valid. */
        private Set<String> rawNames(String key) {
            Object raw = raw(key);
            Set<String> names = new LinkedHashSet<>();
            if (raw instanceof Map<?, ?> map) {
                map.keySet().forEach(k -> names.add(String.valueOf(k)));
            }
            return names;
        }

        /** For each store kind: the names it declares (a kind declared once: its key, when present). */
        private Map<String, Set<String>> declaredStores() {
            Map<String, Set<String>> declared = new LinkedHashMap<>();
            for (StoreKind<?, ?> kind : kinds) {
                declared.put(kind.key(), kind.named() ? rawNames(kind.key())
                        : raw(kind.key()) != null ? Set.of("") : Set.of());
            }
            return declared;
        }

        /** Project and stack name prefix every AWS name; RDS and ElastiCache accept only lowercase and hyphens. */
        private void checkStackName() {
            String prefix = project + "-" + stack;
            if (!STACK_PREFIX.matcher(prefix).matches() || prefix.length() > 30) {
                problems.add("(stack name)", "'" + prefix + "' (project-stack) cannot prefix AWS names; allowed: "
                        + "lowercase letters, digits and hyphens, starting with a letter, at most 30 characters "
                        + "(the cache's id, which adds '-cache', is limited to 40)");
            }
        }

        private void checkTopLevelKeys(Map<String, SecretSettings> secrets) {
            // Config key (without the namespace) to where the stack file declares the secret value it holds.
            Map<String, String> stackValues = new LinkedHashMap<>();
            secrets.values().forEach(s -> stackValues.putAll(s.stackValues()));
            Set<String> stackSecrets = stackValues.keySet();
            List<String> settingsKeys = keys(kinds);
            List<String> allowed = new ArrayList<>(settingsKeys);
            allowed.addAll(stackSecrets);
            for (String key : source.values().keySet()) {
                int colon = key.indexOf(':');
                String namespace = colon < 0 ? "" : key.substring(0, colon);
                String name = key.substring(colon + 1);
                if (namespace.equals(project)) {
                    if (stackSecrets.contains(name) && !source.isSecret(key)) {
                        problems.add(key, "holds a plain value, but it is a secret; set it with "
                                + setSecretCommand(name) + " so that it is stored encrypted");
                    } else if (!allowed.contains(name)) {
                        problems.add(key, "unknown key" + Words.nonAscii(name) + Words.suggestion(name, allowed)
                                + "; allowed keys: " + String.join(", ", allowed));
                    } else if (source.isSecret(key) && settingsKeys.contains(name)) {
                        problems.add(key, "is stored as a secret, but it is plain settings; set it without --secret "
                                + "(no value under it may be secure:)");
                    }
                } else if (namespace.equals("aws")) {
                    if (!AWS_KEYS.contains(name)) {
                        problems.add(key, "unknown key of the AWS provider" + Words.nonAscii(name)
                                + Words.suggestion(name, AWS_KEYS) + "; see the provider's configuration reference");
                    }
                } else if (!namespace.equals("pulumi")) {
                    problems.add(key, "unknown namespace '" + namespace + "'" + Words.suggestion(namespace,
                            List.of(project, "aws", "pulumi")) + "; this program reads " + project + ":*, aws:* and pulumi:*");
                }
            }
            stackValues.forEach((name, declaredAt) -> {
                if (!source.values().containsKey(ns + name)) {
                    problems.add(ns + name, (declaredAt.contains(".keys.") ? "is the value of " + ns + declaredAt
                            : "secret is declared in " + ns + "secrets") + " but has no value; run: " + setSecretCommand(name));
                }
            });
        }

        private String setSecretCommand(String name) {
            return "pulumi config set --secret --stack " + stack + " " + name + " '<value>'";
        }

        private String region() {
            String region = source.isSecret("aws:region") ? null : source.values().get("aws:region");
            if (region == null) {
                problems.add("aws:region", "is required; run: pulumi config set --stack " + stack + " aws:region eu-west-1 "
                        + "(or your region)");
                return null;
            }
            if (!REGIONS.contains(region)) {
                problems.add("aws:region", "found " + Words.quote(region) + ", which is not a region the AWS provider "
                        + "knows" + Words.suggestion(region, REGIONS) + "; allowed: an AWS region such as eu-west-1 ("
                        + "aws ec2 describe-regions lists those your account may use)");
            }
            return region;
        }
    }

    /** A log group's retention: one of the periods CloudWatch Logs accepts. */
    private static Object logRetention(SettingsReader reader, String path, Object raw, Key key) {
        Long days = Words.wholeNumber(raw);
        if (days == null || !LogRetention.ALLOWED.contains(days.intValue()) || days > Integer.MAX_VALUE) {
            reader.problems().add(path, "found " + Words.describe(raw) + "; allowed: " + Words.oneOf(LogRetention.ALLOWED)
                    + " (the retention periods CloudWatch Logs accepts)");
            return SettingsReader.FAILED;
        }
        return new LogRetention(days.intValue());
    }

    /**
     * A service's {@code uses}: one key per registered store kind, {@code true} or an access level
     * for a store the stack has once, and name → access level for named stores.
     */
    private static Object uses(SettingsReader reader, String path, Object raw, List<StoreKind<?, ?>> kinds) {
        if (raw == null) {
            return Uses.none();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            reader.problems().add(path, "expected an object of keys, found " + Words.describe(raw));
            return SettingsReader.FAILED;
        }
        List<String> keys = kinds.stream().map(StoreKind::key).toList();
        List<Uses.Grant> grants = new ArrayList<>();
        boolean failed = false;
        for (var e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String keyPath = SettingsReader.child(path, key);
            StoreKind<?, ?> kind = kinds.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
            if (kind == null) {
                reader.problems().add(keyPath, "unknown key" + Words.nonAscii(key) + Words.suggestion(key, keys)
                        + "; allowed keys here: " + String.join(", ", keys));
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            if (!kind.named()) {
                Object access = access(reader, kind, keyPath, e.getValue());
                if (access == SettingsReader.FAILED) {
                    failed = true;
                } else if (!Boolean.FALSE.equals(access)) {
                    grants.add(new Uses.Grant(kind.key(), "", access));
                }
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> stores)) {
                reader.problems().add(keyPath, "expected an object of " + kind.noun() + " names to access levels, found "
                        + Words.describe(e.getValue()));
                failed = true;
                continue;
            }
            for (var store : stores.entrySet()) {
                String name = String.valueOf(store.getKey());
                Object access = access(reader, kind, SettingsReader.child(keyPath, name), store.getValue());
                if (access == SettingsReader.FAILED) {
                    failed = true;
                } else {
                    grants.add(new Uses.Grant(kind.key(), name, access));
                }
            }
        }
        return failed ? SettingsReader.FAILED : new Uses(grants);
    }

    private static Object access(SettingsReader reader, StoreKind<?, ?> kind, String path, Object raw) {
        if (kind.access() == Boolean.class) {
            return reader.value(boolean.class, path, raw, null);
        }
        return reader.choice(kind.access(), path, raw);
    }
}
