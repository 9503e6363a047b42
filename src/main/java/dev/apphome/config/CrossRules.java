package dev.apphome.config;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.database.DatabaseSettings;
import dev.apphome.loadbalancer.LoadBalancerSettings;
import dev.apphome.messaging.QueueAccess;
import dev.apphome.secrets.SecretSettings;
import dev.apphome.network.NatGateways;
import dev.apphome.network.NetworkSettings;
import dev.apphome.service.ClusterSettings;
import dev.apphome.service.ImageSource;
import dev.apphome.service.CpuArchitecture;
import dev.apphome.service.ServiceKind;
import dev.apphome.service.ServiceSettings;
import dev.apphome.wiring.StoreKind;
import dev.apphome.wiring.Uses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that span concerns, in one place: what a service names (stores, secrets, callees, its
 * scaling queue) must be declared; routing priorities are unique; Spot needs x86; web services
 * need a certificate. Each rule judges only the settings that could be read, and names are checked
 * against everything declared, so a service that failed to read is not reported again as missing.
 */
final class CrossRules {

    /**
     * What the rules look at.
     *
     * @param ns            the project's namespace with its colon, e.g. {@code apphome:}
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
    record Draft(String ns, String stack, Problems problems, NetworkSettings network, Set<String> serviceNames,
                 Map<String, ServiceSettings> services, Set<String> secretNames, Map<String, SecretSettings> secrets,
                 LoadBalancerSettings loadBalancer, ClusterSettings cluster, AlertSettings alerts, List<StoreKind<?, ?>> kinds,
                 Map<StoreKind<?, ?>, Object> stores, Map<String, Set<String>> declared) {
    }

    private CrossRules() {
    }

    static void check(Draft d) {
        String services = d.ns + "services";
        for (ServiceSettings s : d.services.values()) {
            String path = services + "." + s.name();
            uses(d, path, s.uses());
            s.secrets().keySet().stream().sorted().forEach(variable -> {
                String secret = s.secrets().get(variable);
                if (!d.secretNames.contains(secret)) {
                    d.problems.add(path + ".secrets." + variable, "names secret '" + secret + "', which " + d.ns
                            + "secrets does not declare" + Words.suggestion(secret, d.secretNames) + "; declared: "
                            + declaredList(d.secretNames));
                }
            });
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
            if (d.network != null && d.network.natGateways() == NatGateways.NONE
                    && ImageSource.of(s.image(), "aws").ecr().isEmpty()) {
                d.problems.add(path + ".image", "found '" + s.image() + "', an image in "
                        + ImageSource.of(s.image(), "aws").registry() + ", outside ECR, which a network without NAT "
                        + "gateways cannot reach; allowed: an ECR image, or network.natGateways single or onePerAz");
            }
            if (d.cluster != null && s.architecture() == CpuArchitecture.ARM64 && s.capacity().over(d.cluster).spotWeight() > 0) {
                boolean own = s.capacity().spotWeight() != null;
                d.problems.add(path + ".architecture", "arm64 cannot run on FARGATE_SPOT, and "
                        + (own ? "capacity.spotWeight" : "cluster.spotWeight") + " is "
                        + s.capacity().over(d.cluster).spotWeight() + "; allowed: x86_64, or "
                        + (own ? "capacity." : "") + "spotWeight: 0");
            }
            if (d.cluster != null && s.capacity().isSet()) {
                var own = s.capacity().over(d.cluster);
                if (own.fargateWeight() + own.spotWeight() == 0) {
                    d.problems.add(path + ".capacity", "leaves both fargateWeight and spotWeight at 0; allowed: at least "
                            + "one above 0");
                }
            }
            if (d.network != null && d.network.natGateways() == NatGateways.NONE && s.tracing().enabled()) {
                d.problems.add(path + ".tracing", "is on in a network without NAT gateways, which cannot pull the X-Ray "
                        + "daemon from AWS's public registry; allowed: natGateways single or onePerAz, or no tracing");
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
                    .filter(db -> db.flavor().maxConnections(db.instanceClass()).isEmpty())
                    .forEach(db -> d.problems.add(d.ns + "alerts.databaseConnectionsPercent", "is set, but the default "
                            + "maximum of connections of " + db.instanceClass() + " is not known to the program; allowed: "
                            + "databaseConnections, a number of connections"));
        }
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
