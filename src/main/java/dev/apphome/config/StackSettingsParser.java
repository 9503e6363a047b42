package dev.apphome.config;

import dev.apphome.alerts.AlertArgs;
import dev.apphome.cache.CacheArgs;
import dev.apphome.cache.CacheEngine;
import dev.apphome.database.DatabaseArgs;
import dev.apphome.database.DatabaseDeployment;
import dev.apphome.database.DatabaseEngine;
import dev.apphome.loadbalancer.Certificate;
import dev.apphome.loadbalancer.LoadBalancerArgs;
import dev.apphome.messaging.QueueArgs;
import dev.apphome.service.QueueAccess;
import dev.apphome.network.NatGateways;
import dev.apphome.network.NetworkArgs;
import dev.apphome.network.SubnetPlan;
import dev.apphome.network.SubnetTier;
import dev.apphome.secrets.SecretArgs;
import dev.apphome.secrets.SecretSource;
import dev.apphome.service.BucketAccess;
import dev.apphome.service.ClusterArgs;
import dev.apphome.service.CpuArchitecture;
import dev.apphome.service.ServiceArgs;
import dev.apphome.service.ServiceKind;
import dev.apphome.storage.BucketArgs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link ConfigSource} into {@link StackSettings}, finding every problem in one pass:
 * unknown keys (with the nearest spelling), wrong types, values out of range, and combinations AWS
 * would refuse at deploy time. Defaults live here and in the args records' Javadoc, nowhere else.
 */
public final class StackSettingsParser {

    /** The project's own keys; each is one object per concern unless noted. */
    public static final List<String> KEYS = List.of("network", "loadBalancer", "cluster", "services", "database",
            "cache", "buckets", "queues", "secrets", "alerts", "logRetentionDays", "protectResources");

    /** The AWS provider's configuration keys; anything else under aws: is a typo the provider would ignore. */
    static final List<String> AWS_KEYS = List.of("region", "profile", "defaultTags", "ignoreTags", "allowedAccountIds",
            "forbiddenAccountIds", "assumeRole", "assumeRoleWithWebIdentity", "accessKey", "secretKey", "token",
            "sharedCredentialsFiles", "sharedConfigFiles", "skipCredentialsValidation", "skipMetadataApiCheck",
            "skipRegionValidation", "skipRequestingAccountId", "maxRetries", "retryMode", "endpoints", "s3UsePathStyle",
            "stsRegion", "customCaBundle", "ec2MetadataServiceEndpoint", "ec2MetadataServiceEndpointMode", "insecure",
            "useFipsEndpoint", "useDualstackEndpoint", "httpProxy", "httpsProxy", "noProxy");

    /** Retention periods CloudWatch Logs accepts. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern STACK_PREFIX = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,18}[a-z0-9]");
    private static final Pattern SECRET_NAME = Pattern.compile("[a-z][a-zA-Z0-9]{1,39}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*");
    private static final Pattern ACM_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");
    private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");
    private static final Pattern DB_CLASS = Pattern.compile("db\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern CACHE_NODE = Pattern.compile("cache\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}(\\.mysql_aurora\\.\\d+\\.\\d+\\.\\d+)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/:@-]*[a-zA-Z0-9._-]+");
    private static final Pattern DB_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");
    /** Environment variables the program injects itself; a service may not set them. */
    static final Set<String> INJECTED = Set.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_SECRET_ARN", "DB_CREDENTIALS",
            "CACHE_HOST", "CACHE_PORT", "CACHE_TLS", "CACHE_AUTH_TOKEN");

    private StackSettingsParser() {
    }

    /** The names of the stores services may use, by kind. */
    private record Stores(List<String> buckets, List<String> queues) {
    }

    /** Parses and validates; throws {@link InvalidSettingsException} listing every problem. */
    public static StackSettings parse(String project, String stack, ConfigSource source) {
        Problems problems = new Problems(source.file());
        StackSettings settings = new StackSettingsParser.Run(project, stack, source, problems).read();
        problems.throwIfAny();
        return settings;
    }

    private static final class Run {
        private final String project;
        private final String stack;
        private final ConfigSource source;
        private final Problems problems;
        private final String ns;

        Run(String project, String stack, ConfigSource source, Problems problems) {
            this.project = project;
            this.stack = stack;
            this.source = source;
            this.problems = problems;
            this.ns = project + ":";
        }

        StackSettings read() {
            checkStackName();
            List<SecretArgs> secrets = secrets(root("secrets"));
            checkTopLevelKeys(secrets);
            String region = region();
            NetworkArgs network = network(root("network"));
            List<SubnetPlan.Planned> subnets = plan(network);
            ClusterArgs cluster = cluster(root("cluster"));
            Optional<DatabaseArgs> database = optionalRoot("database").map(this::database);
            Optional<CacheArgs> cache = optionalRoot("cache").map(this::cache);
            List<BucketArgs> buckets = buckets(root("buckets"));
            List<QueueArgs> queues = queues(root("queues"));
            List<ServiceArgs> services = services(root("services"), cluster, database.isPresent(), cache.isPresent(),
                    new Stores(buckets.stream().map(BucketArgs::name).toList(), queues.stream().map(QueueArgs::name).toList()),
                    secrets);
            boolean anyWeb = services.stream().anyMatch(s -> s.kind() == ServiceKind.WEB);
            ObjectReader lbReader = root("loadBalancer");
            // Read even without web services, so that its typos are still found; only web services need a certificate.
            Optional<LoadBalancerArgs> loadBalancer = Optional.of(loadBalancer(lbReader, anyWeb)).filter(lb -> anyWeb);
            AlertArgs alerts = alerts(root("alerts"));
            int logRetention = logRetention(ns + "logRetentionDays", scalar("logRetentionDays"), 30);
            boolean protect = bool("protectResources", true);
            return new StackSettings(project, stack, source.file(), region, network, subnets, loadBalancer, cluster,
                    services, database, cache, buckets, queues, secrets, alerts, logRetention, protect);
        }

        // ---- top level -------------------------------------------------------------------------

        /** Project and stack name prefix every AWS name; RDS and ElastiCache accept only lowercase and hyphens. */
        private void checkStackName() {
            String prefix = project + "-" + stack;
            if (!STACK_PREFIX.matcher(prefix).matches() || prefix.length() > 30) {
                problems.add("(stack name)", "'" + prefix + "' (project-stack) cannot prefix AWS names; allowed: "
                        + "lowercase letters, digits and hyphens, starting with a letter, at most 30 characters "
                        + "(the cache's id, which adds '-cache', is limited to 40)");
            }
        }

        private void checkTopLevelKeys(List<SecretArgs> secrets) {
            Set<String> stackSecrets = new LinkedHashSet<>();
            secrets.stream().filter(s -> s.source() == SecretSource.STACK).forEach(s -> stackSecrets.add(s.name()));
            List<String> allowed = new ArrayList<>(KEYS);
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
                        problems.add(key, "unknown key" + ObjectReader.suggestion(name, allowed)
                                + "; allowed keys: " + String.join(", ", allowed));
                    } else if (source.isSecret(key) && KEYS.contains(name)) {
                        problems.add(key, "is stored as a secret, but it is plain settings; set it without --secret");
                    }
                } else if (namespace.equals("aws")) {
                    if (!AWS_KEYS.contains(name)) {
                        problems.add(key, "unknown key of the AWS provider" + ObjectReader.suggestion(name, AWS_KEYS)
                                + "; see the provider's configuration reference");
                    }
                } else if (!namespace.equals("pulumi")) {
                    problems.add(key, "unknown namespace '" + namespace + "'" + ObjectReader.suggestion(namespace,
                            List.of(project, "aws", "pulumi")) + "; this program reads " + project + ":*, aws:* and pulumi:*");
                }
            }
            for (String name : stackSecrets) {
                if (!source.values().containsKey(ns + name)) {
                    problems.add(ns + name, "secret is declared in " + ns + "secrets but has no value; run: "
                            + setSecretCommand(name));
                }
            }
        }

        private String setSecretCommand(String name) {
            return "pulumi config set --secret --stack " + stack + " " + name + " '<value>'";
        }

        private String region() {
            String region = source.values().get("aws:region");
            if (region == null) {
                problems.add("aws:region", "is required; run: pulumi config set --stack " + stack + " aws:region eu-west-1 "
                        + "(or your region)");
                return "unknown";
            }
            if (!REGION.matcher(region).matches()) {
                problems.add("aws:region", "found '" + region + "'; allowed: an AWS region such as eu-west-1");
            }
            return region;
        }

        private ObjectReader root(String key) {
            return ObjectReader.of(problems, ns + key, source.parsed(ns + key, problems).orElse(null));
        }

        private Optional<ObjectReader> optionalRoot(String key) {
            return source.parsed(ns + key, problems).map(v -> ObjectReader.of(problems, ns + key, v));
        }

        private Object scalar(String key) {
            return source.parsed(ns + key, problems).orElse(null);
        }

        private boolean bool(String key, boolean defaultValue) {
            Object value = scalar(key);
            if (value == null) {
                return defaultValue;
            }
            if ("true".equals(value) || "false".equals(value)) {
                return Boolean.parseBoolean((String) value);
            }
            problems.add(ns + key, "expected true or false, found " + ObjectReader.describe(value));
            return defaultValue;
        }

        private int logRetention(String path, Object value, int defaultValue) {
            if (value == null) {
                return defaultValue;
            }
            String text = String.valueOf(value);
            if (text.matches("\\d{1,5}") && LOG_RETENTION_DAYS.contains(Integer.parseInt(text))) {
                return Integer.parseInt(text);
            }
            problems.add(path, "found " + ObjectReader.describe(value) + "; allowed: " + ObjectReader.oneOf(LOG_RETENTION_DAYS)
                    + " (the retention periods CloudWatch Logs accepts)");
            return defaultValue;
        }

        // ---- network ---------------------------------------------------------------------------

        private NetworkArgs network(ObjectReader r) {
            String cidr = r.string("cidr", NetworkArgs.DEFAULT_CIDR);
            int zones = r.integer("availabilityZones", 2, 2, 6);
            NatGateways nat = r.choice("natGateways", NatGateways.class, NatGateways.SINGLE);
            ObjectReader prefixes = r.object("subnetPrefixes");
            Map<SubnetTier, Integer> sizes = new EnumMap<>(SubnetTier.class);
            for (SubnetTier tier : SubnetTier.values()) {
                sizes.put(tier, prefixes.integer(tier.label(), NetworkArgs.DEFAULT_PREFIXES.get(tier), 16, 28));
            }
            prefixes.finish();
            boolean endpoints = r.bool("interfaceEndpoints", false);
            int flowLogDays = r.integer("flowLogRetentionDays", 30, 1, 3653);
            if (r.has("flowLogRetentionDays") && !LOG_RETENTION_DAYS.contains(flowLogDays)) {
                problems.add(r.pathOf("flowLogRetentionDays"), "found " + flowLogDays + "; allowed: "
                        + ObjectReader.oneOf(LOG_RETENTION_DAYS));
            }
            if (nat == NatGateways.NONE && !endpoints) {
                problems.add(r.pathOf("natGateways"), "is none while interfaceEndpoints is false: tasks could not pull "
                        + "images, read secrets or write logs; allowed: natGateways single or onePerAz, or "
                        + "interfaceEndpoints: true");
            }
            r.finish();
            return new NetworkArgs(cidr, zones, nat, sizes, endpoints, flowLogDays);
        }

        private List<SubnetPlan.Planned> plan(NetworkArgs network) {
            try {
                return SubnetPlan.plan(network.cidr(), network.availabilityZones(), network.subnetPrefixes());
            } catch (SubnetPlan.PlanException e) {
                problems.add(ns + "network.cidr", e.getMessage());
                return List.of();
            }
        }

        // ---- load balancer ---------------------------------------------------------------------

        private LoadBalancerArgs loadBalancer(ObjectReader r, boolean serves) {
            Certificate certificate = certificate(r, serves);
            String sslPolicy = r.string("sslPolicy", LoadBalancerArgs.DEFAULT_SSL_POLICY,
                    p -> p.startsWith("ELBSecurityPolicy-TLS13-"), "a TLS 1.3 policy such as "
                            + LoadBalancerArgs.DEFAULT_SSL_POLICY + " or ELBSecurityPolicy-TLS13-1-3-2021-06");
            boolean deletionProtection = r.bool("deletionProtection", true);
            int idle = r.integer("idleTimeoutSeconds", 60, 1, 4000);
            boolean accessLogs = r.bool("accessLogs", true);
            int accessLogDays = r.integer("accessLogRetentionDays", 90, 1, 3650);
            boolean waf = r.bool("waf", true);
            int rateLimit = r.integer("rateLimitPer5Minutes", 2000, 10, 2_000_000_000);
            r.finish();
            return new LoadBalancerArgs(certificate, sslPolicy, deletionProtection, idle, accessLogs, accessLogDays, waf,
                    rateLimit);
        }

        private Certificate certificate(ObjectReader r, boolean serves) {
            boolean plainHttp = r.bool("plainHttp", false);
            String arn = r.string("certificateArn", null, v -> ACM_ARN.matcher(v).matches(),
                    "an ACM certificate ARN such as arn:aws:acm:eu-west-1:123456789012:certificate/…");
            String domain = r.string("domain", null, v -> DOMAIN.matcher(v).matches(), "a DNS name such as app.example.com");
            String zone = r.string("hostedZoneId", null, v -> ZONE_ID.matcher(v).matches(),
                    "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ");
            int chosen = (plainHttp ? 1 : 0) + (r.has("certificateArn") ? 1 : 0) + (r.has("domain") ? 1 : 0);
            if (chosen > 1) {
                problems.add(r.path(), "sets more than one of plainHttp, certificateArn and domain; allowed: exactly one");
                return Certificate.none();
            }
            if (r.has("domain") != r.has("hostedZoneId")) {
                problems.add(r.pathOf(r.has("domain") ? "hostedZoneId" : "domain"),
                        "is required with " + (r.has("domain") ? "domain" : "hostedZoneId")
                                + ": a DNS-validated certificate needs both the name and its Route 53 zone");
            }
            if (chosen == 0 && serves) {
                problems.add(r.pathOf("certificateArn"), "is required: set certificateArn (an existing ACM certificate), "
                        + "or domain and hostedZoneId (a DNS-validated one), or plainHttp: true to serve plain HTTP "
                        + "without TLS (development only)");
                return Certificate.none();
            }
            if (chosen == 0) {
                return Certificate.none();
            }
            if (plainHttp) {
                return Certificate.none();
            }
            if (arn != null) {
                return Certificate.existing(arn);
            }
            return domain != null && zone != null ? Certificate.dnsValidated(domain, zone) : Certificate.none();
        }

        // ---- cluster and services --------------------------------------------------------------

        private ClusterArgs cluster(ObjectReader r) {
            boolean insights = r.bool("containerInsights", true);
            int base = r.integer("fargateBase", 1, 0, 100000);
            int fargateWeight = r.integer("fargateWeight", 1, 0, 1000);
            int spotWeight = r.integer("spotWeight", 0, 0, 1000);
            if (fargateWeight + spotWeight == 0) {
                problems.add(r.pathOf("fargateWeight"), "and spotWeight are both 0; allowed: at least one above 0");
            }
            r.finish();
            return new ClusterArgs(insights, base, fargateWeight, spotWeight);
        }

        private List<ServiceArgs> services(ObjectReader r, ClusterArgs cluster, boolean hasDatabase, boolean hasCache,
                                           Stores stores, List<SecretArgs> secrets) {
            // The root object's keys are the service names.
            Map<String, ObjectReader> entries = new LinkedHashMap<>();
            for (String name : r.keys()) {
                entries.put(name, r.object(name));
            }
            if (entries.isEmpty()) {
                problems.add(r.path(), "declares no service; allowed: one or more services by name, each with kind and image");
            }
            List<ServiceArgs> services = new ArrayList<>();
            for (Map.Entry<String, ObjectReader> entry : entries.entrySet()) {
                services.add(service(entry.getKey(), entry.getValue(), cluster, hasDatabase, hasCache, stores, secrets));
            }
            crossCheckServices(r, services);
            return services;
        }

        private ServiceArgs service(String name, ObjectReader r, ClusterArgs cluster, boolean hasDatabase,
                                    boolean hasCache, Stores stores, List<SecretArgs> secrets) {
            checkName(r, "service", name);
            ServiceKind kind = r.choice("kind", ServiceKind.class, ServiceKind.WEB);
            if (!r.has("kind")) {
                problems.add(r.pathOf("kind"), "is required; allowed: web, internal or worker");
            }
            String image = r.requiredString("image", "a container image such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0.0");
            if (image != null && !IMAGE.matcher(image).matches()) {
                problems.add(r.pathOf("image"), "found '" + image + "'; allowed: a container image reference such as "
                        + "repository/name:tag or name@sha256:…");
            }
            Integer port = r.optionalInteger("port", 1, 65535);
            if (kind == ServiceKind.WORKER && r.has("port")) {
                problems.add(r.pathOf("port"), "is set on a worker; allowed: no port (make it kind web or internal to receive traffic)");
            } else if (kind != ServiceKind.WORKER && !r.has("port")) {
                problems.add(r.pathOf("port"), "is required for a " + kind.configValue() + " service; allowed: 1 to 65535");
            }
            int cpu = r.integer("cpu", 256, 256, 16384);
            int memory = r.integer("memory", 512, 512, 122880);
            if (!FargateSizes.allowed(cpu, memory)) {
                problems.add(r.pathOf("memory"), "cpu " + cpu + " with memory " + memory + " is not a Fargate size; allowed "
                        + "with cpu " + cpu + ": " + FargateSizes.memoryFor(cpu) + " (cpu one of " + FargateSizes.cpuValues() + ")");
            }
            CpuArchitecture arch = r.choice("architecture", CpuArchitecture.class, CpuArchitecture.X86_64);
            if (arch == CpuArchitecture.ARM64 && cluster.spotWeight() > 0) {
                problems.add(r.pathOf("architecture"), "arm64 cannot run on FARGATE_SPOT, and cluster.spotWeight is "
                        + cluster.spotWeight() + "; allowed: x86_64, or spotWeight: 0");
            }
            int desired = r.integer("desiredCount", 1, 0, 1000);
            int min = r.integer("minCount", desired, 0, 1000);
            int max = r.integer("maxCount", desired, 1, 1000);
            if (!(min <= desired && desired <= max)) {
                problems.add(r.pathOf("desiredCount"), "found minCount " + min + ", desiredCount " + desired + ", maxCount "
                        + max + "; allowed: minCount ≤ desiredCount ≤ maxCount");
            }
            ServiceArgs.Scaling scaling = scaling(r.object("scaling"), kind, max > min);
            Map<String, String> environment = r.stringMap("environment");
            environment.forEach((k, v) -> checkEnvironment(r.pathOf("environment") + "." + k, k, v));
            Map<String, String> secretRefs = r.stringMap("secrets");
            Set<String> secretNames = new LinkedHashSet<>();
            secrets.forEach(s -> secretNames.add(s.name()));
            secretRefs.forEach((env, secret) -> {
                String path = r.pathOf("secrets") + "." + env;
                if (!ENV_NAME.matcher(env).matches() || INJECTED.contains(env)) {
                    problems.add(path, "'" + env + "' is not allowed as a variable name; allowed: letters, digits and _"
                            + " not starting with a digit, and none of " + String.join(", ", INJECTED.stream().sorted().toList()));
                }
                if (environment.containsKey(env)) {
                    problems.add(path, "'" + env + "' is also in environment; allowed: each name in one place");
                }
                if (!secretNames.contains(secret)) {
                    problems.add(path, "names secret '" + secret + "', which " + ns + "secrets does not declare"
                            + ObjectReader.suggestion(secret, secretNames) + "; declared: "
                            + (secretNames.isEmpty() ? "none" : String.join(", ", secretNames)));
                }
            });
            ServiceArgs.HealthCheck health = healthCheck(r.object("healthCheck"), kind);
            ServiceArgs.Routing routing = null;
            if (kind == ServiceKind.WEB) {
                routing = routing(r.object("routing"));
            } else if (r.has("routing")) {
                problems.add(r.pathOf("routing"), "is set on a " + kind.configValue() + " service; allowed only on web services");
            }
            List<String> calls = r.stringList("calls");
            ServiceArgs.DataAccess uses = uses(r.object("uses"), hasDatabase, hasCache, stores);
            if (scaling.queue() != null && !List.of(QueueAccess.CONSUME, QueueAccess.BOTH)
                    .contains(uses.queues().get(scaling.queue()))) {
                problems.add(r.pathOf("scaling") + ".queue", "names '" + scaling.queue() + "', which the service does not "
                        + "consume; allowed: a queue under uses.queues with consume or both");
            }
            if (min == 0 && scaling.queue() == null && kind != ServiceKind.WORKER) {
                problems.add(r.pathOf("minCount"), "is 0 for a " + kind.configValue() + " service without queue scaling, "
                        + "so nothing would start a task again; allowed: 1 or more, or scaling.queue on a worker");
            }
            List<String> command = r.stringList("command");
            boolean readOnlyRoot = r.bool("readOnlyRootFilesystem", true);
            r.finish();
            return new ServiceArgs(name, kind, image, port, cpu, memory, arch, desired, min, max, scaling, environment,
                    secretRefs, health, routing, calls, uses, command, readOnlyRoot);
        }

        private void checkEnvironment(String path, String name, String value) {
            if (!ENV_NAME.matcher(name).matches() || INJECTED.contains(name)) {
                problems.add(path, "'" + name + "' is not allowed as a variable name; allowed: letters, digits and _ not "
                        + "starting with a digit, and none of " + String.join(", ", INJECTED.stream().sorted().toList()));
            }
            if (SECRET_LIKE.matcher(name).matches()) {
                problems.add(path, "looks like a secret in a plain environment variable; move it to " + ns
                        + "secrets and reference it under the service's secrets (values in environment are visible "
                        + "to anyone who can describe the task definition)");
            }
        }

        private ServiceArgs.Scaling scaling(ObjectReader r, ServiceKind kind, boolean autoscaled) {
            Integer cpu = r.optionalInteger("cpuPercent", 10, 95);
            Integer memory = r.optionalInteger("memoryPercent", 10, 95);
            Integer requests = r.optionalInteger("requestsPerTarget", 1, 1000000);
            int in = r.integer("scaleInCooldownSeconds", 300, 60, 3600);
            int out = r.integer("scaleOutCooldownSeconds", 60, 0, 3600);
            String queue = r.string("queue", null);
            int perTask = r.integer("messagesPerTask", 100, 1, 1000000);
            if (queue != null && (cpu != null || memory != null || requests != null)) {
                problems.add(r.pathOf("queue"), "is set together with cpuPercent, memoryPercent or requestsPerTarget; "
                        + "allowed: one or the other (queue scaling steps and target tracking would fight)");
            }
            if (requests != null && kind != ServiceKind.WEB) {
                problems.add(r.pathOf("requestsPerTarget"), "is set on a " + kind.configValue()
                        + " service; allowed only on web services (it tracks the load balancer's requests)");
                requests = null;
            }
            if (cpu == null && memory == null && requests == null && queue == null) {
                cpu = 70;
            }
            if (!autoscaled && (r.has("cpuPercent") || r.has("memoryPercent") || r.has("requestsPerTarget") || r.has("queue"))) {
                problems.add(r.path(), "sets targets but maxCount equals minCount, so nothing can scale; allowed: "
                        + "maxCount above minCount, or no scaling targets");
            }
            r.finish();
            return new ServiceArgs.Scaling(cpu, memory, requests, in, out, queue, perTask);
        }

        private ServiceArgs.HealthCheck healthCheck(ObjectReader r, ServiceKind kind) {
            String path = r.string("path", "/health", p -> p.startsWith("/") && p.length() <= 1024,
                    "an HTTP path starting with /");
            int interval = r.integer("intervalSeconds", 30, 5, 300);
            int timeout = r.integer("timeoutSeconds", 5, 2, 120);
            int healthy = r.integer("healthyThreshold", 2, 2, 10);
            int unhealthy = r.integer("unhealthyThreshold", 3, 2, 10);
            String matcher = r.string("matcher", "200-399", m -> m.matches("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*"),
                    "HTTP codes such as 200 or 200-399 or 200,204");
            int grace = r.integer("gracePeriodSeconds", 60, 0, 2147483);
            List<String> command = r.stringList("command");
            if (timeout >= interval) {
                problems.add(r.pathOf("timeoutSeconds"), "found " + timeout + " with intervalSeconds " + interval
                        + "; allowed: less than intervalSeconds (the load balancer refuses otherwise)");
            }
            if (kind != ServiceKind.WEB && r.has("path")) {
                problems.add(r.pathOf("path"), "is set on a " + kind.configValue() + " service, which has no load balancer "
                        + "to probe it; allowed: command, a container health check such as [\"CMD-SHELL\", \"curl -f "
                        + "http://localhost:8080/health || exit 1\"]");
            }
            if (!command.isEmpty() && !List.of("CMD", "CMD-SHELL", "NONE").contains(command.get(0))) {
                problems.add(r.pathOf("command"), "starts with '" + command.get(0) + "'; allowed: CMD, CMD-SHELL or NONE first");
            }
            r.finish();
            return new ServiceArgs.HealthCheck(path, interval, timeout, healthy, unhealthy, matcher, grace, command);
        }

        private ServiceArgs.Routing routing(ObjectReader r) {
            int priority = r.integer("priority", 0, 1, 50000);
            if (!r.has("priority")) {
                problems.add(r.pathOf("priority"), "is required for a web service; allowed: a unique whole number "
                        + "from 1 to 50000 (lower is matched first)");
            }
            List<String> paths = r.stringList("paths");
            List<String> hosts = r.stringList("hosts");
            for (String p : paths) {
                if (!p.startsWith("/") || p.length() > 128) {
                    problems.add(r.pathOf("paths"), "found '" + p + "'; allowed: path patterns starting with /, up to 128 characters");
                }
            }
            if (paths.size() + hosts.size() > 5) {
                problems.add(r.path(), "has " + (paths.size() + hosts.size()) + " conditions; allowed: at most 5 paths and "
                        + "hosts together (a listener rule's limit)");
            }
            r.finish();
            return new ServiceArgs.Routing(priority, paths, hosts);
        }

        private ServiceArgs.DataAccess uses(ObjectReader r, boolean hasDatabase, boolean hasCache, Stores stores) {
            boolean database = r.bool("database", false);
            boolean cache = r.bool("cache", false);
            if (database && !hasDatabase) {
                problems.add(r.pathOf("database"), "is true but the stack declares no " + ns + "database; allowed: false, "
                        + "or declare the database");
            }
            if (cache && !hasCache) {
                problems.add(r.pathOf("cache"), "is true but the stack declares no " + ns + "cache; allowed: false, or "
                        + "declare the cache");
            }
            Map<String, BucketAccess> buckets = grants(r.object("buckets"), "bucket", "buckets", stores.buckets(),
                    BucketAccess.class, BucketAccess.READ);
            Map<String, QueueAccess> queues = grants(r.object("queues"), "queue", "queues", stores.queues(),
                    QueueAccess.class, QueueAccess.CONSUME);
            r.finish();
            return new ServiceArgs.DataAccess(database, cache, buckets, queues);
        }

        /** Store name to access level, every name checked against the stores the stack declares. */
        private <E extends Enum<E> & ConfigEnum> Map<String, E> grants(ObjectReader r, String kind, String key,
                                                                      List<String> declared, Class<E> type, E fallback) {
            Map<String, E> access = new LinkedHashMap<>();
            for (String store : r.keys()) {
                E level = r.choice(store, type, fallback);
                if (!declared.contains(store)) {
                    problems.add(r.pathOf(store), "names " + kind + " '" + store + "', which " + ns + key
                            + " does not declare" + ObjectReader.suggestion(store, declared) + "; declared: "
                            + (declared.isEmpty() ? "none" : String.join(", ", declared)));
                }
                access.put(store, level);
            }
            return access;
        }

        /** Names of services, buckets and queues become parts of AWS names limited to 32 characters. */
        private void checkName(ObjectReader r, String kind, String name) {
            if (!NAME.matcher(name).matches()) {
                problems.add(r.path(), kind + " name '" + name + "' is not allowed; allowed: 2 to 20 lowercase letters, "
                        + "digits and hyphens, starting with a letter (it becomes part of AWS names limited to 32 characters)");
            }
        }

        private List<QueueArgs> queues(ObjectReader r) {
            List<QueueArgs> queues = new ArrayList<>();
            for (String name : r.keys()) {
                ObjectReader q = r.object(name);
                checkName(q, "queue", name);
                int visibility = q.integer("visibilityTimeoutSeconds", 30, 0, 43200);
                int retention = q.integer("retentionDays", 4, 1, 14);
                int receives = q.integer("maxReceiveCount", 5, 1, 1000);
                int deadLetterRetention = q.integer("deadLetterRetentionDays", 14, 1, 14);
                if (deadLetterRetention < retention) {
                    problems.add(q.pathOf("deadLetterRetentionDays"), "found " + deadLetterRetention + ", shorter than "
                            + "retentionDays " + retention + "; allowed: at least retentionDays (SQS keeps a message's "
                            + "original age, so a shorter dead-letter retention deletes it on arrival)");
                }
                q.finish();
                queues.add(new QueueArgs(name, visibility, retention, receives, deadLetterRetention));
            }
            return queues;
        }

        private void crossCheckServices(ObjectReader r, List<ServiceArgs> services) {
            Map<Integer, String> priorities = new HashMap<>();
            Map<String, ServiceKind> kinds = new HashMap<>();
            services.forEach(s -> kinds.put(s.name(), s.kind()));
            for (ServiceArgs s : services) {
                if (s.routing() != null && s.routing().priority() > 0) {
                    String other = priorities.putIfAbsent(s.routing().priority(), s.name());
                    if (other != null) {
                        problems.add(r.pathOf(s.name()) + ".routing.priority", "found " + s.routing().priority()
                                + ", which service '" + other + "' also uses; allowed: a priority no other service has");
                    }
                }
                for (String callee : s.calls()) {
                    String path = r.pathOf(s.name()) + ".calls";
                    if (callee.equals(s.name())) {
                        problems.add(path, "names the service itself; allowed: other internal services");
                    } else if (!kinds.containsKey(callee)) {
                        problems.add(path, "names '" + callee + "', which is not a service of this stack"
                                + ObjectReader.suggestion(callee, kinds.keySet()));
                    } else if (kinds.get(callee) != ServiceKind.INTERNAL) {
                        problems.add(path, "names '" + callee + "', a " + kinds.get(callee).configValue()
                                + " service; allowed: internal services (web services are reached through the load balancer)");
                    }
                }
            }
        }

        // ---- data --------------------------------------------------------------------------------

        private DatabaseArgs database(ObjectReader r) {
            DatabaseEngine engine = r.choice("engine", DatabaseEngine.class, DatabaseEngine.POSTGRES);
            if (!r.has("engine")) {
                problems.add(r.pathOf("engine"), "is required; allowed: postgres or mysql");
            }
            DatabaseDeployment deployment = r.choice("deployment", DatabaseDeployment.class, DatabaseDeployment.INSTANCE);
            String version = r.string("engineVersion", defaultVersion(engine, deployment),
                    v -> VERSION.matcher(v).matches(), "a version such as 16, 16.6, 8.0 or 8.0.mysql_aurora.3.08.0");
            String instanceClass = r.requiredString("instanceClass", "an instance class such as db.t4g.micro");
            if (instanceClass != null && !DB_CLASS.matcher(instanceClass).matches()) {
                problems.add(r.pathOf("instanceClass"), "found '" + instanceClass + "'; allowed: an RDS instance class such "
                        + "as db.t4g.micro or db.r6g.large");
                instanceClass = null;
            }
            int storage = r.integer("allocatedStorageGb", 20, 20, 65536);
            int maxStorage = r.integer("maxAllocatedStorageGb", Math.max(100, storage), 20, 65536);
            int readers = r.integer("readers", 0, 0, 15);
            boolean multiAz = r.bool("multiAz", false);
            int backups = r.integer("backupRetentionDays", 7, 1, 35);
            boolean deletionProtection = r.bool("deletionProtection", true);
            boolean skipFinalSnapshot = r.bool("skipFinalSnapshot", false);
            boolean insights = r.bool("performanceInsights", false);
            String dbName = r.string("databaseName", "app", v -> DB_NAME.matcher(v).matches(),
                    "letters, digits and _, starting with a letter, at most 63 characters");
            if (deployment == DatabaseDeployment.AURORA) {
                for (String instanceOnly : List.of("allocatedStorageGb", "maxAllocatedStorageGb")) {
                    if (r.has(instanceOnly)) {
                        problems.add(r.pathOf(instanceOnly), "is set for an Aurora cluster, whose storage grows by itself; "
                                + "allowed only with deployment: instance");
                    }
                }
                if (engine == DatabaseEngine.MYSQL && !version.contains(".mysql_aurora.")) {
                    problems.add(r.pathOf("engineVersion"), "found '" + version + "', which Aurora MySQL does not accept; "
                            + "allowed: a full Aurora version such as 8.0.mysql_aurora.3.08.0");
                }
                if (multiAz && readers == 0) {
                    problems.add(r.pathOf("multiAz"), "is true for an Aurora cluster with readers: 0; allowed: readers ≥ 1 "
                            + "(an Aurora cluster fails over to a reader)");
                }
                if (instanceClass != null && instanceClass.matches("db\\.t\\d+g?\\.(micro|small)")) {
                    problems.add(r.pathOf("instanceClass"), "found '" + instanceClass + "', which Aurora does not offer; "
                            + "allowed: db.t4g.medium or larger");
                }
            } else if (r.has("readers")) {
                problems.add(r.pathOf("readers"), "is set for a single instance; allowed only with deployment: aurora "
                        + "(use multiAz: true for a standby)");
            }
            if (maxStorage < storage) {
                problems.add(r.pathOf("maxAllocatedStorageGb"), "found " + maxStorage + ", below allocatedStorageGb "
                        + storage + "; allowed: at least allocatedStorageGb");
            }
            if (insights && instanceClass != null && engine == DatabaseEngine.MYSQL
                    && instanceClass.matches("db\\.t\\d+g?\\.(micro|small)")) {
                problems.add(r.pathOf("performanceInsights"), "is true on " + instanceClass + ", where RDS for MySQL does not "
                        + "offer it; allowed: false, or db.t4g.medium or larger");
            }
            if (skipFinalSnapshot && deletionProtection) {
                problems.add(r.pathOf("skipFinalSnapshot"), "is true while deletionProtection is true; allowed: one or the "
                        + "other (a protected database is never deleted, so skipping its last snapshot only hides a choice)");
            }
            r.finish();
            return new DatabaseArgs(engine, deployment, version, instanceClass == null ? "db.t4g.micro" : instanceClass,
                    storage, maxStorage, readers, multiAz, backups, deletionProtection, skipFinalSnapshot, insights, dbName);
        }

        /** RDS accepts a major version; Aurora wants a full one (Aurora MySQL in its own format). */
        private static String defaultVersion(DatabaseEngine engine, DatabaseDeployment deployment) {
            if (deployment == DatabaseDeployment.AURORA) {
                return engine == DatabaseEngine.POSTGRES ? "16.6" : "8.0.mysql_aurora.3.08.0";
            }
            return engine == DatabaseEngine.POSTGRES ? "16" : "8.0";
        }

        private CacheArgs cache(ObjectReader r) {
            CacheEngine engine = r.choice("engine", CacheEngine.class, CacheEngine.VALKEY);
            String version = r.string("engineVersion", engine == CacheEngine.VALKEY ? "8.0" : "7.1",
                    v -> VERSION.matcher(v).matches(), "a version such as 8.0 or 7.1");
            String nodeType = r.requiredString("nodeType", "a node type such as cache.t4g.micro");
            if (nodeType != null && !CACHE_NODE.matcher(nodeType).matches()) {
                problems.add(r.pathOf("nodeType"), "found '" + nodeType + "'; allowed: a node type such as cache.t4g.micro");
                nodeType = null;
            }
            if (engine == CacheEngine.REDIS && version.matches("[0-6](\\..*)?")) {
                problems.add(r.pathOf("engineVersion"), "found '" + version + "'; allowed: 7.0 or later (earlier Redis "
                        + "versions cannot require TLS and AUTH together with rotation)");
            }
            int replicas = r.integer("replicas", 0, 0, 5);
            boolean multiAz = r.bool("multiAz", false);
            if (multiAz && replicas == 0) {
                problems.add(r.pathOf("multiAz"), "is true with replicas: 0; allowed: replicas ≥ 1 (failover needs a replica "
                        + "in another AZ)");
            }
            int snapshots = r.integer("snapshotRetentionDays", 1, 0, 35);
            if (snapshots > 0 && nodeType != null && nodeType.matches("cache\\.t\\d\\.(micro|small|medium)")
                    && !nodeType.startsWith("cache.t4g") && !nodeType.startsWith("cache.t3")) {
                problems.add(r.pathOf("snapshotRetentionDays"), "is above 0 on " + nodeType + ", which cannot take snapshots; "
                        + "allowed: 0, or a cache.t3/t4g or larger node");
            }
            r.finish();
            return new CacheArgs(engine, version, nodeType == null ? "cache.t4g.micro" : nodeType, replicas, multiAz,
                    snapshots);
        }

        private List<BucketArgs> buckets(ObjectReader r) {
            List<BucketArgs> buckets = new ArrayList<>();
            for (String name : r.keys()) {
                ObjectReader b = r.object(name);
                checkName(b, "bucket", name);
                boolean versioning = b.bool("versioning", true);
                Integer ia = b.optionalInteger("infrequentAccessAfterDays", 30, 36500);
                Integer glacier = b.optionalInteger("glacierAfterDays", 1, 36500);
                Integer expire = b.optionalInteger("expireAfterDays", 1, 36500);
                int noncurrent = b.integer("noncurrentVersionExpiryDays", 90, 1, 36500);
                if (ia != null && glacier != null && glacier < ia + 30) {
                    problems.add(b.pathOf("glacierAfterDays"), "found " + glacier + " with infrequentAccessAfterDays " + ia
                            + "; allowed: at least 30 days after infrequentAccessAfterDays (S3's minimum stay in STANDARD_IA)");
                }
                Integer lastTransition = glacier != null ? glacier : ia;
                if (expire != null && lastTransition != null && expire <= lastTransition) {
                    problems.add(b.pathOf("expireAfterDays"), "found " + expire + ", not after the last transition on day "
                            + lastTransition + "; allowed: a later day");
                }
                b.finish();
                buckets.add(new BucketArgs(name, versioning, ia, glacier, expire, noncurrent));
            }
            return buckets;
        }

        private List<SecretArgs> secrets(ObjectReader r) {
            List<SecretArgs> secrets = new ArrayList<>();
            for (String name : r.keys()) {
                ObjectReader s = r.object(name);
                if (!SECRET_NAME.matcher(name).matches() || KEYS.contains(name)) {
                    problems.add(s.path(), "secret name '" + name + "' is not allowed; allowed: 2 to 40 letters and digits "
                            + "in camelCase starting with a lowercase letter (it is also the config key), other than "
                            + String.join(", ", KEYS));
                }
                SecretSource sourceKind = s.choice("source", SecretSource.class, SecretSource.GENERATED);
                int length = s.integer("length", 64, 16, 4096);
                if (sourceKind == SecretSource.STACK && s.has("length")) {
                    problems.add(s.pathOf("length"), "is set on a secret whose value comes from the stack; allowed only with "
                            + "source: generated");
                }
                int recovery = s.integer("recoveryWindowDays", 7, 7, 30);
                s.finish();
                secrets.add(new SecretArgs(name, sourceKind, length, recovery));
            }
            return secrets;
        }

        private AlertArgs alerts(ObjectReader r) {
            List<String> emails = r.stringList("emails");
            for (String email : emails) {
                if (!EMAIL.matcher(email).matches()) {
                    problems.add(r.pathOf("emails"), "found '" + email + "'; allowed: email addresses such as oncall@example.com");
                }
            }
            AlertArgs alerts = new AlertArgs(emails,
                    r.integer("target5xxPerMinute", 10, 1, 100000),
                    r.integer("p95LatencyMs", 1000, 1, 600000),
                    r.integer("p99LatencyMs", 2000, 1, 600000),
                    r.integer("serviceCpuPercent", 80, 1, 100),
                    r.integer("serviceMemoryPercent", 85, 1, 100),
                    r.integer("databaseCpuPercent", 80, 1, 100),
                    r.integer("databaseFreeStorageGb", 5, 1, 65536),
                    r.integer("databaseConnections", 100, 1, 100000),
                    r.integer("cacheCpuPercent", 80, 1, 100),
                    r.integer("cacheMemoryPercent", 80, 1, 100),
                    r.integer("evaluationMinutes", 5, 1, 1440),
                    r.integer("queueAgeSeconds", 900, 60, 1209600));
            r.finish();
            return alerts;
        }
    }
}
