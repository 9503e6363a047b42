package dev.apphome.config;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.budget.BudgetSettings;
import dev.apphome.database.DatabaseSettings;
import dev.apphome.edge.DistributionSettings;
import dev.apphome.functions.FunctionSettings;
import dev.apphome.functions.FunctionTrigger;
import dev.apphome.jobs.JobSettings;
import dev.apphome.edge.Origin;
import dev.apphome.loadbalancer.Certificate;
import dev.apphome.kafka.KafkaSettings;
import dev.apphome.loadbalancer.LoadBalancerSettings;
import dev.apphome.registry.RepositorySettings;
import dev.apphome.messaging.QueueAccess;
import dev.apphome.messaging.QueueSettings;
import dev.apphome.schema.NamesStores;
import dev.apphome.secrets.SecretSettings;
import dev.apphome.network.NatGateways;
import dev.apphome.network.NetworkSettings;
import dev.apphome.service.Capacity;
import dev.apphome.service.ClusterSettings;
import dev.apphome.service.ImageSpec;
import dev.apphome.service.ImageSource;
import dev.apphome.service.CpuArchitecture;
import dev.apphome.service.ServiceKind;
import dev.apphome.service.ServiceSettings;
import dev.apphome.wiring.SecretReference;
import dev.apphome.wiring.StoreKind;
import dev.apphome.wiring.Uses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that span concerns, in one place: what a service names (stores, secrets, callees, its
 * scaling queue) and what a store names (a topic's queues) must be declared; routing priorities are unique; Spot needs x86; web services
 * need a certificate. Each rule judges only the settings that could be read, and names are checked
 * against everything declared, so a service that failed to read is not reported again as missing.
 */
final class CrossRules {

    /**
     * What the rules look at.
     *
     * @param ns            the project's namespace with its colon, e.g. {@code apphome:}
     * @param region        the stack's region, null if it could not be read
     * @param network       the network's settings, null if they could not be read
     * @param serviceNames  every service the stack file declares, read or not
     * @param services      the services that could be read
     * @param secretNames   every secret declared
     * @param loadBalancer  the load balancer's settings, null if they could not be read
     * @param cluster       the cluster's settings, null if they could not be read
     * @param alerts        the alert settings, null if they could not be read
     * @param stores        each store kind to what could be read of it
     * @param declared      each store kind's key to the names it declares ({@code ""} for a kind declared once)
     */
    record Draft(String ns, String stack, String region, Problems problems, NetworkSettings network, Set<String> serviceNames,
                 Map<String, ServiceSettings> services, Set<String> secretNames, Map<String, SecretSettings> secrets,
                 LoadBalancerSettings loadBalancer, ClusterSettings cluster, AlertSettings alerts, List<StoreKind<?, ?>> kinds,
                 Map<StoreKind<?, ?>, Object> stores, Map<String, Set<String>> declared, Set<String> repositoryNames,
                 Map<String, RepositorySettings> repositories, Map<String, DistributionSettings> distributions,
                 Set<String> distributionNames, BudgetSettings budget, String defaultStackTag,
                 Map<String, JobSettings> jobs, Map<String, FunctionSettings> functions) {
    }

    private CrossRules() {
    }

    static void check(Draft d) {
        storeNames(d);
        edge(d);
        budget(d);
        jobs(d);
        functions(d);
        String services = d.ns + "services";
        for (ServiceSettings s : d.services.values()) {
            String path = services + "." + s.name();
            uses(d, path, s.uses());
            secrets(d, path, s.secrets());
            String queue = s.scaling().queue();
            if (queue != null) {
                Object access = s.uses().named("queues").get(queue);
                if (access != QueueAccess.CONSUME && access != QueueAccess.BOTH) {
                    d.problems.add(path + ".scaling.queue", "names '" + queue + "', which the service does not consume; "
                            + "allowed: a queue under uses.queues with consume or both");
                }
            }
            if (queue != null && d.cluster != null && !d.cluster.containerInsights()) {
                d.problems.add(path + ".scaling.queue", "needs cluster.containerInsights: true: the backlog per task is "
                        + "divided by the running-task count that Container Insights publishes; allowed: containerInsights: "
                        + "true, or scaling on cpuPercent or memoryPercent");
            }
            repository(d, path, s.repository().map(ImageSpec.FromRepository::repository));
            imageReachable(d, path, s.image());
            capacity(d, path, s.architecture(), s.capacity());
            if (d.network != null && d.network.natGateways() == NatGateways.NONE && s.tracing().enabled()) {
                d.problems.add(path + ".tracing", "is on in a network without NAT gateways, which cannot pull the X-Ray "
                        + "daemon from AWS's public registry; allowed: natGateways single, onePerAz or instance, or no tracing");
            }
        }
        Map<Integer, String> priorities = new HashMap<>();
        for (ServiceSettings s : d.services.values()) {
            String path = services + "." + s.name();
            if (s.kind() instanceof ServiceKind.Web web) {
                String other = priorities.putIfAbsent(web.routing().priority(), s.name());
                if (other != null) {
                    d.problems.add(path + ".routing.priority", "found " + web.routing().priority() + ", which service '"
                            + other + "' also uses; allowed: a priority no other service has");
                }
            }
            for (String callee : s.calls()) {
                if (callee.equals(s.name())) {
                    d.problems.add(path + ".calls", "names the service itself; allowed: other internal services");
                } else if (!d.serviceNames.contains(callee)) {
                    d.problems.add(path + ".calls", "names '" + callee + "', which is not a service of this stack"
                            + Words.suggestion(callee, d.serviceNames));
                } else if (d.services.containsKey(callee) && !(d.services.get(callee).kind() instanceof ServiceKind.Internal)) {
                    d.problems.add(path + ".calls", "names '" + callee + "', a " + d.services.get(callee).kind().label()
                            + " service; allowed: internal services (web services are reached through the load balancer)");
                }
            }
        }
        boolean anyWeb = d.services.values().stream().anyMatch(s -> s.kind() instanceof ServiceKind.Web);
        if (anyWeb && d.loadBalancer != null && d.loadBalancer.certificate() == null) {
            d.problems.add(d.ns + "loadBalancer.certificateArn", "is required: set certificateArn (an existing ACM "
                    + "certificate), or domain and hostedZoneId (a DNS-validated one), or plainHttp: true to serve plain "
                    + "HTTP without TLS (development only)");
        }
        if (d.alerts != null && d.alerts.databaseConnectionsPercent() != null) {
            d.stores.entrySet().stream().filter(e -> e.getValue() instanceof java.util.Optional<?> o && o.isPresent()
                            && o.get() instanceof DatabaseSettings)
                    .map(e -> (DatabaseSettings) ((java.util.Optional<?>) e.getValue()).get())
                    .filter(db -> db.maxConnections().isEmpty())
                    .forEach(db -> d.problems.add(d.ns + "alerts.databaseConnectionsPercent", "is set, but the default "
                            + "maximum of connections of " + db.instanceClass() + " is not known to the program; allowed: "
                            + "databaseConnections, a number of connections"));
        }
        kafkaBrokers(d);
        List<String> keys = StackSettingsReader.keys(d.kinds);
        for (String secret : d.secretNames) {
            if (keys.contains(secret)) {
                d.problems.add(d.ns + "secrets." + secret, "secret name '" + secret + "' is not allowed: a stack "
                        + "secret's name is also its config key, and " + d.ns + secret + " holds settings; allowed: any "
                        + "other name");
            }
        }
        if (d.serviceNames.size() == d.services.size()) {
            for (ServiceSettings s : d.services.values()) {
                boolean called = d.services.values().stream().anyMatch(c -> c.calls().contains(s.name()));
                if (s.kind() instanceof ServiceKind.Internal && !called) {
                    d.problems.warn(services + "." + s.name(), "is an internal service that no service names in its "
                            + "calls, so nothing can reach it; name it in a caller's calls, or make it a worker");
                }
            }
        }
    }

    /** MSK spreads brokers evenly over the AZs of its subnets: the count must divide evenly. */
    private static void kafkaBrokers(Draft d) {
        if (d.network == null || d.region == null) {
            return;
        }
        d.stores.forEach((kind, bound) -> {
            if (kind.settings() == KafkaSettings.class && bound instanceof java.util.Optional<?> o
                    && o.orElse(null) instanceof KafkaSettings kafka && kafka.brokers() != null) {
                int zones = KafkaSettings.zones(d.network.availabilityZones(), d.region);
                if (kafka.brokers() % zones != 0) {
                    d.problems.add(d.ns + kind.key() + ".brokers", "found " + kafka.brokers() + " over " + zones + " AZs; "
                            + "allowed: a multiple of " + zones + " (MSK spreads brokers evenly over the AZs it uses: "
                            + "network.availabilityZones, at most " + (d.region.equals("us-west-1") ? "2 in us-west-1" : "3")
                            + ")");
                }
            }
        });
    }

    /** A service's secret reference: a secret with one value by name, one key of a JSON secret as {@code name.key}. */
    private static void secret(Draft d, String path, String reference) {
        var parsed = SecretReference.parse(reference);
        String secret = parsed.secret();
        String key = parsed.key().orElse(null);
        if (!d.secretNames.contains(secret)) {
            d.problems.add(path, "names secret '" + secret + "', which " + d.ns + "secrets does not declare"
                    + Words.suggestion(secret, d.secretNames) + "; declared: " + declaredList(d.secretNames));
            return;
        }
        SecretSettings declared = d.secrets.get(secret);
        if (declared == null) {
            return; // reported where the secret is declared
        }
        if (key == null && declared.keyed()) {
            d.problems.add(path, "names secret '" + secret + "', which holds several keys; allowed: one of them, as "
                    + Words.or(declared.keys().keySet().stream().map(k -> secret + "." + k).toList()));
        } else if (key != null && !declared.keyed()) {
            d.problems.add(path, "names key '" + key + "' of secret '" + secret + "', which has one value and no keys; "
                    + "allowed: " + secret);
        } else if (key != null && !declared.keys().containsKey(key)) {
            d.problems.add(path, "names key '" + key + "' of secret '" + secret + "', which " + d.ns + "secrets."
                    + secret + ".keys does not declare" + Words.suggestion(key, declared.keys().keySet())
                    + "; declared: " + declaredList(declared.keys().keySet()));
        }
    }

    /** Every store that settings of a store name (a topic's queues) must be one the stack declares. */
    private static void storeNames(Draft d) {
        for (StoreKind<?, ?> kind : d.kinds) {
            Object bound = d.stores.get(kind);
            Map<String, Object> entries = new java.util.LinkedHashMap<>();
            if (bound instanceof Map<?, ?> map) {
                map.forEach((k, v) -> entries.put(String.valueOf(k), v));
            } else if (bound instanceof java.util.Optional<?> single && single.isPresent()) {
                entries.put("", single.get());
            }
            entries.forEach((entry, settings) -> {
                if (!(settings instanceof NamesStores names)) {
                    return;
                }
                for (NamesStores.StoreName name : names.storeNames()) {
                    StoreKind<?, ?> named = d.kinds.stream().filter(k -> k.key().equals(name.kind())).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no store kind " + name.kind()));
                    Set<String> declared = d.declared.getOrDefault(named.key(), Set.of());
                    if (!declared.contains(name.name())) {
                        d.problems.add(d.ns + kind.key() + (entry.isEmpty() ? "" : "." + entry) + "." + name.key(),
                                "names " + named.noun() + " '" + name.name() + "', which " + d.ns + named.key()
                                        + " does not declare" + Words.suggestion(name.name(), declared) + "; declared: "
                                        + declaredList(declared));
                    }
                }
            });
        }
    }

    /** What distributions serve must exist, and a load balancer behind CloudFront must be reachable over HTTPS. */
    private static void edge(Draft d) {
        Set<String> buckets = d.declared.getOrDefault("buckets", Set.of());
        boolean anyWeb = d.services.values().stream().anyMatch(s -> s.kind() instanceof ServiceKind.Web);
        for (DistributionSettings dist : d.distributions.values()) {
            String path = d.ns + "distributions." + dist.name();
            if (dist.bucket() != null && !buckets.contains(dist.bucket())) {
                d.problems.add(path + ".bucket", "names bucket '" + dist.bucket() + "', which " + d.ns
                        + "buckets does not declare" + Words.suggestion(dist.bucket(), buckets) + "; declared: "
                        + declaredList(buckets));
            }
            if (dist.origin() instanceof Origin.LoadBalancer) {
                if (!anyWeb) {
                    d.problems.add(path + ".origin", "is loadBalancer, but the stack has no web service and so no load "
                            + "balancer; allowed: site or media, or a service of kind web");
                } else if (d.loadBalancer != null && !(d.loadBalancer.certificate() instanceof Certificate.DnsValidated)) {
                    d.problems.add(path + ".origin", "is loadBalancer, and CloudFront reaches a load balancer over HTTPS "
                            + "only, at a name its certificate covers; allowed: loadBalancer.domain and hostedZoneId (a "
                            + "DNS-validated certificate and its record)");
                } else if (d.loadBalancer != null
                        && dist.aliases().contains(((Certificate.DnsValidated) d.loadBalancer.certificate()).domain())) {
                    d.problems.add(path + ".aliases", "contains " + ((Certificate.DnsValidated) d.loadBalancer
                            .certificate()).domain() + ", the load balancer's own domain (CloudFront's origin); allowed: "
                            + "another name for viewers, e.g. www.<domain>");
                }
            }
        }
        long lbOrigins = d.distributions.values().stream()
                .filter(x -> x.origin() instanceof Origin.LoadBalancer lb && lb.admitOnlyCloudFront()).count();
        long openOrigins = d.distributions.values().stream()
                .filter(x -> x.origin() instanceof Origin.LoadBalancer lb && !lb.admitOnlyCloudFront()).count();
        if (lbOrigins > 0 && openOrigins > 0) {
            d.problems.add(d.ns + "distributions", "some load-balancer origins set admitOnlyCloudFront and others do "
                    + "not; allowed: the same value on every distribution in front of the load balancer");
        }
    }

    /** Every secret a service, job or function names must be one the stack declares. */
    /** Each secret a service, job or function injects names a declared secret, or one key of a keyed one. */
    private static void secrets(Draft d, String path, Map<String, String> secrets) {
        secrets.keySet().stream().sorted().forEach(variable -> secret(d, path + ".secrets." + variable,
                secrets.get(variable)));
    }

    /** A repository a service, job or function names must be one the stack declares. */
    private static void repository(Draft d, String path, Optional<String> repository) {
        repository.ifPresent(r -> {
            if (!d.repositoryNames.contains(r)) {
                d.problems.add(path + ".repository", "names repository '" + r + "', which " + d.ns
                        + "repositories does not declare" + Words.suggestion(r, d.repositoryNames)
                        + "; declared: " + declaredList(d.repositoryNames));
            }
        });
    }

    /** A task's image outside ECR needs a way out to the internet. */
    private static void imageReachable(Draft d, String path, String image) {
        if (d.network != null && d.network.natGateways() == NatGateways.NONE && image != null
                && ImageSource.of(image, "aws").ecr().isEmpty()) {
            d.problems.add(path + ".image", "found '" + image + "', an image in "
                    + ImageSource.of(image, "aws").registry() + ", outside ECR, which a network without NAT "
                    + "gateways cannot reach; allowed: an ECR image, or network.natGateways single, onePerAz or instance");
        }
    }

    /** A task's capacity strategy (its own over the cluster's): Spot only for x86, and some weight somewhere. */
    private static void capacity(Draft d, String path, CpuArchitecture architecture, Capacity capacity) {
        if (d.cluster != null && architecture == CpuArchitecture.ARM64 && capacity.over(d.cluster).spotWeight() > 0) {
            boolean own = capacity.spotWeight() != null;
            d.problems.add(path + ".architecture", "arm64 cannot run on FARGATE_SPOT, and "
                    + (own ? "capacity.spotWeight" : "cluster.spotWeight") + " is "
                    + capacity.over(d.cluster).spotWeight() + "; allowed: x86_64, or "
                    + (own ? "capacity." : "") + "spotWeight: 0");
        }
        if (d.cluster != null && capacity.isSet()) {
            var own = capacity.over(d.cluster);
            if (own.fargateWeight() + own.spotWeight() == 0) {
                d.problems.add(path + ".capacity", "leaves both fargateWeight and spotWeight at 0; allowed: at least "
                        + "one above 0");
            }
        }
    }

    /**
     * What a job names must be declared, and its image reachable; its capacity strategy, when it
     * has one, obeys the services' rules (without one it starts with launch type FARGATE).
     */
    private static void jobs(Draft d) {
        for (JobSettings j : d.jobs.values()) {
            String path = d.ns + "jobs." + j.name();
            uses(d, path, j.uses());
            secrets(d, path, j.secrets());
            repository(d, path, j.repository().map(ImageSpec.FromRepository::repository));
            imageReachable(d, path, j.image());
            if (j.capacity().isSet()) {
                capacity(d, path, j.architecture(), j.capacity());
            }
        }
    }

    /**
     * What a function names must be declared: stores, secrets, its repository, its queue and the
     * queue its failures go to. Lambda refuses a queue whose visibility timeout is shorter than the
     * function's timeout (a message would reappear while it is still being worked on), and advises
     * six times the timeout, so that a throttled batch can be retried before it reappears.
     */
    private static void functions(Draft d) {
        Map<String, QueueSettings> queues = queueSettings(d);
        Set<String> queueNames = d.declared.getOrDefault("queues", Set.of());
        for (FunctionSettings f : d.functions.values()) {
            String path = d.ns + "functions." + f.name();
            uses(d, path, f.uses());
            secrets(d, path, f.secrets());
            repository(d, path, Optional.of(f.repository()));
            f.queue().ifPresent(q -> {
                if (!queueNames.contains(q.name())) {
                    d.problems.add(path + ".queue.name", "names queue '" + q.name() + "', which " + d.ns + "queues does "
                            + "not declare" + Words.suggestion(q.name(), queueNames) + "; declared: "
                            + declaredList(queueNames));
                    return;
                }
                QueueSettings queue = queues.get(q.name());
                if (queue == null) {
                    return;
                }
                if (queue.visibilityTimeoutSeconds() < f.timeoutSeconds()) {
                    d.problems.add(path + ".timeoutSeconds", "is " + f.timeoutSeconds() + ", above the visibility "
                            + "timeout of queue '" + q.name() + "' (" + queue.visibilityTimeoutSeconds() + " s), which "
                            + "Lambda refuses; allowed: at most " + queue.visibilityTimeoutSeconds() + ", or "
                            + "queues." + q.name() + ".visibilityTimeoutSeconds of at least " + 6 * f.timeoutSeconds()
                            + " (6 × the timeout, as AWS advises)");
                } else if (queue.visibilityTimeoutSeconds() < 6 * f.timeoutSeconds()) {
                    d.problems.warn(d.ns + "queues." + q.name() + ".visibilityTimeoutSeconds", "is "
                            + queue.visibilityTimeoutSeconds() + ", less than 6 × the timeout of function '" + f.name()
                            + "' (" + f.timeoutSeconds() + " s); AWS advises " + 6 * f.timeoutSeconds() + " or more, so "
                            + "that a throttled batch is retried before its messages reappear");
                }
            });
            f.schedule().map(FunctionTrigger.OnSchedule::onFailure).ifPresent(q -> {
                if (!queueNames.contains(q)) {
                    d.problems.add(path + ".onFailure", "names queue '" + q + "', which " + d.ns + "queues does not "
                            + "declare" + Words.suggestion(q, queueNames) + "; declared: " + declaredList(queueNames));
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, QueueSettings> queueSettings(Draft d) {
        for (StoreKind<?, ?> kind : d.kinds) {
            if (kind.settings() == QueueSettings.class && d.stores.get(kind) instanceof Map<?, ?> byName) {
                return (Map<String, QueueSettings>) byName;
            }
        }
        return Map.of();
    }

    /** A budget notifies the alert addresses; counting only this stack needs the tag on every resource. */
    private static void budget(Draft d) {
        if (d.budget == null) {
            return;
        }
        if (d.alerts != null && d.alerts.emails().isEmpty()) {
            d.problems.add(d.ns + "budget", "is set but alerts.emails is empty, so no one would be told; allowed: "
                    + "alerts.emails with at least one address");
        }
        if (d.alerts != null && d.alerts.emails().size() > 10) {
            d.problems.add(d.ns + "alerts.emails", "has " + d.alerts.emails().size() + " addresses, and a budget "
                    + "notification takes 10 at most; allowed: up to 10 addresses with budget");
        }
        if (d.budget.onlyThisStack() && !d.stack.equals(d.defaultStackTag)) {
            d.problems.add(d.ns + "budget.onlyThisStack", "is true, but aws:defaultTags does not tag every resource "
                    + BudgetSettings.STACK_TAG + ": " + d.stack + (d.defaultStackTag == null ? "" : " (found '"
                    + d.defaultStackTag + "')") + "; allowed: add to the stack file `aws:defaultTags: {tags: {"
                    + BudgetSettings.STACK_TAG + ": " + d.stack + "}}` and activate the tag for cost allocation, or "
                    + "onlyThisStack: false");
        }
    }

    /** Every store a service uses must be one the stack declares. */
    private static void uses(Draft d, String servicePath, Uses uses) {
        for (Uses.Grant grant : uses.grants()) {
            StoreKind<?, ?> kind = d.kinds.stream().filter(k -> k.key().equals(grant.kind())).findFirst().orElseThrow();
            Set<String> declared = d.declared.getOrDefault(kind.key(), Set.of());
            String path = servicePath + ".uses." + kind.key();
            if (!kind.named()) {
                if (declared.isEmpty()) {
                    d.problems.add(path, (grant.access() instanceof Boolean ? "is true" : "is set") + " but the stack "
                            + "declares no " + d.ns + kind.key() + "; allowed: " + (grant.access() instanceof Boolean
                            ? "false" : "no " + kind.key() + " here") + ", or declare the " + kind.noun());
                }
            } else if (!declared.contains(grant.store())) {
                d.problems.add(path + "." + grant.store(), "names " + kind.noun() + " '" + grant.store() + "', which "
                        + d.ns + kind.key() + " does not declare" + Words.suggestion(grant.store(), declared)
                        + "; declared: " + declaredList(declared));
            }
        }
    }

    private static String declaredList(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
