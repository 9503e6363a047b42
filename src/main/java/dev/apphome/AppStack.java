package dev.apphome;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.resources.Resource;
import dev.apphome.alerts.Alerts;
import dev.apphome.audit.AuditTrail;
import dev.apphome.budget.CostBudget;
import dev.apphome.common.UsEast1;
import dev.apphome.edge.DistributionSettings;
import dev.apphome.edge.EdgeDistribution;
import dev.apphome.edge.EdgeLogs;
import dev.apphome.edge.Origin;
import dev.apphome.functions.AppFunction;
import dev.apphome.functions.FunctionSettings;
import dev.apphome.functions.FunctionTrigger;
import dev.apphome.jobs.JobSettings;
import dev.apphome.jobs.ScheduledJob;
import dev.apphome.scheduling.StackSchedules;
import dev.apphome.service.FargateTask;
import dev.apphome.identity.AdminUserPool;
import dev.apphome.loadbalancer.Certificate;
import dev.apphome.registry.ImageRepository;
import dev.apphome.registry.RegistryScanning;
import dev.apphome.registry.RepositorySettings;
import dev.apphome.registry.Scanning;
import dev.apphome.alerts.Monitored;
import dev.apphome.alerts.StandardAlarms;
import dev.apphome.cache.Cache;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.Protection;
import dev.apphome.config.ConfigSource;
import dev.apphome.config.StackSettings;
import dev.apphome.config.StackSettingsReader;
import dev.apphome.database.Database;
import dev.apphome.keys.EncryptionKey;
import dev.apphome.keys.KeyGrant;
import dev.apphome.keys.KeyGrants;
import dev.apphome.loadbalancer.LoadBalancer;
import dev.apphome.messaging.Queue;
import dev.apphome.network.Network;
import dev.apphome.secrets.AppSecrets;
import dev.apphome.service.AppService;
import dev.apphome.service.Cluster;
import dev.apphome.service.ServiceKind;
import dev.apphome.service.ServiceSettings;
import dev.apphome.storage.PrivateBucket;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Declared;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;
import dev.apphome.wiring.StoreKind;
import dev.apphome.wiring.Uses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Declares the whole stack from validated settings. The only place components are wired to each
 * other: every security-group opening and IAM grant is made by the component that owns the
 * resource, called from here.
 */
public final class AppStack {

    /** AWS's managed prefix list of the addresses CloudFront reaches origins from. */
    static final String CLOUDFRONT_ORIGIN_FACING = "com.amazonaws.global.cloudfront.origin-facing";

    private AppStack() {
    }

    /** Reads a stack's settings with every registered store kind. */
    public static StackSettings settings(String project, String stack, ConfigSource source) {
        return StackSettingsReader.read(project, stack, source, Stores.ALL);
    }

    /** Declares everything; {@code stackSecret} reads a {@code stack} secret's value as a secret output. */
    public static void declare(Context ctx, StackSettings settings, Function<String, Output<String>> stackSecret) {
        String prefix = settings.project() + "-" + settings.stack();
        var protection = new Protection(settings.protectResources());
        var aws = new AwsContext(AwsFunctions.getCallerIdentity().applyValue(r -> r.accountId()), settings.region(),
                AwsContext.partitionOf(settings.region()));
        int logRetentionDays = settings.logRetentionDays().days();
        ComponentResourceOptions none = ComponentResourceOptions.Empty;

        // Distributions and the trail are admitted to the key by statements that name them: the key's
        // policy is then completed once they exist (only in stacks that have them). What stores need
        // of it (SNS delivering into encrypted queues) is known from the settings and written at once.
        boolean keyGrantsLater = !settings.distributions().isEmpty() || settings.trail().isPresent();
        var key = new EncryptionKey(Naming.child(prefix, "key"), aws, prefix, keyGrants(settings), protection,
                keyGrantsLater, none);
        Output<String> keyArn = key.arn();
        var network = new Network(prefix, settings.network(), aws, keyArn, protection, none);
        boolean onlyCloudFront = settings.distributions().stream()
                .anyMatch(d -> d.origin() instanceof Origin.LoadBalancer lb && lb.admitOnlyCloudFront());
        Optional<Output<String>> cloudFrontAddresses = onlyCloudFront
                ? Optional.of(Ec2Functions.getManagedPrefixList(GetManagedPrefixListArgs.builder()
                        .name(CLOUDFRONT_ORIGIN_FACING).build()).applyValue(r -> r.id()))
                : Optional.empty();
        Optional<LoadBalancer> loadBalancer = settings.loadBalancer().map(args ->
                new LoadBalancer(Naming.child(prefix, "alb"), args, network, aws, cloudFrontAddresses, protection, none));
        var cluster = new Cluster(Naming.child(prefix, "cluster"), settings.cluster(), prefix + ".internal", protection, none);

        var context = new StoreContext(network, aws, keyArn, protection, logRetentionDays, new Declared());
        Map<StoreKind<?, ?>, Map<String, Store<?>>> stores = new LinkedHashMap<>();
        for (StoreKind<?, ?> kind : Stores.ALL) {
            stores.put(kind, declareStores(kind, settings, prefix, context));
        }
        network.applyIsolatedAcl();
        var secrets = new AppSecrets(Naming.child(prefix, "secrets"), settings.secrets(), keyArn, stackSecret,
                protection, none);

        Map<String, ImageRepository> repositories = new LinkedHashMap<>();
        for (RepositorySettings repository : settings.repositories()) {
            // Lambda pulls a function's image under the repository's policy, which must then admit it.
            boolean servesFunctions = settings.functions().stream().anyMatch(f -> f.repository().equals(repository.name()));
            repositories.put(repository.name(), new ImageRepository(Naming.child(prefix, "ecr-" + repository.name()),
                    prefix + "/" + repository.name(), repository, aws, keyArn,
                    servesFunctions ? Optional.of(prefix + "-") : Optional.empty(), protection, none));
        }
        List<String> enhanced = settings.repositories().stream().filter(r -> r.scanning() == Scanning.ENHANCED)
                .map(r -> prefix + "/" + r.name()).toList();
        if (!enhanced.isEmpty()) {
            new RegistryScanning(Naming.child(prefix, "ecr-scanning"), enhanced, none);
        }

        var placement = new AppService.Placement(network, cluster, loadBalancer, aws, keyArn,
                "/" + prefix + "/services", logRetentionDays, repositories);
        boolean anyCalls = settings.services().stream().anyMatch(s -> !s.calls().isEmpty());
        Map<String, AppService> services = new LinkedHashMap<>();
        for (ServiceSettings args : settings.services()) {
            boolean serviceConnect = anyCalls && (args.kind() instanceof ServiceKind.Internal || !args.calls().isEmpty());
            Optional<Output<String>> scalingQueue = Optional.ofNullable(args.scaling().queue())
                    .map(q -> ((Queue) stores.get(Stores.QUEUES).get(q)).queueName());
            var service = new AppService(Naming.child(prefix, args.name()), args, placement,
                    client -> connect(args.uses(), stores, secrets.connection(args.secrets()), client),
                    serviceConnect, scalingQueue, protection, none);
            services.put(args.name(), service);
        }
        for (AppService caller : services.values()) {
            for (String callee : caller.args().calls()) {
                services.get(callee).admit(caller);
            }
        }
        services.values().forEach(AppService::launch);

        Optional<StackSchedules> schedules = settings.anyScheduled()
                ? Optional.of(new StackSchedules(Naming.child(prefix, "schedules"), prefix, none)) : Optional.empty();
        List<ScheduledJob> jobs = new ArrayList<>();
        for (JobSettings args : settings.jobs()) {
            var jobPlacement = new ScheduledJob.Placement(network, cluster, new FargateTask.Placement(aws, keyArn,
                    "/" + prefix + "/jobs", logRetentionDays, repositories), schedules.orElseThrow());
            jobs.add(new ScheduledJob(Naming.child(prefix, "job-" + args.name()), args, jobPlacement,
                    client -> connect(args.uses(), stores, secrets.connection(args.secrets()), client), none));
        }
        Map<String, AppFunction> functions = new LinkedHashMap<>();
        var functionPlacement = new AppFunction.Placement(network, aws, keyArn, logRetentionDays, repositories, schedules);
        for (FunctionSettings args : settings.functions()) {
            Map<String, Store<?>> queues = stores.get(Stores.QUEUES);
            Optional<Queue> source = args.queue().map(q -> (Queue) queues.get(q.name()));
            Optional<Queue> onFailure = args.schedule().map(FunctionTrigger.OnSchedule::onFailure)
                    .map(q -> (Queue) queues.get(q));
            functions.put(args.name(), new AppFunction(Naming.child(prefix, "fn-" + args.name()),
                    args.functionName(prefix), args, functionPlacement,
                    client -> connect(args.uses(), stores, secrets.connection(args.secrets()), client), source, onFailure,
                    none));
        }
        settings.traceSampling().declare(prefix, settings.services().stream().filter(s -> s.tracing().enabled()).toList(),
                com.pulumi.resources.CustomResourceOptions.Empty);

        Map<String, EdgeDistribution> distributions = new LinkedHashMap<>();
        Optional<EdgeLogs> edgeLogs = Optional.empty();
        if (!settings.distributions().isEmpty()) {
            UsEast1 usEast1 = UsEast1.create(prefix);
            if (settings.distributions().stream().anyMatch(DistributionSettings::accessLogs)) {
                edgeLogs = Optional.of(new EdgeLogs(Naming.child(prefix, "cdn-logs"), Naming.child(prefix, "cdn"),
                        settings.logRetentionDays().days(), aws, key, keyArn, protection, none));
            }
            var edge = new EdgeDistribution.Placement(aws, key, keyArn, usEast1, edgeLogs, protection);
            Optional<String> loadBalancerDomain = settings.loadBalancer()
                    .filter(lb -> lb.certificate() instanceof Certificate.DnsValidated)
                    .map(lb -> ((Certificate.DnsValidated) lb.certificate()).domain());
            for (DistributionSettings args : settings.distributions()) {
                Optional<PrivateBucket> bucket = Optional.ofNullable(args.bucket())
                        .map(b -> (PrivateBucket) stores.get(Stores.BUCKETS).get(b));
                distributions.put(args.name(), new EdgeDistribution(Naming.child(prefix, "cdn-" + args.name()), args,
                        bucket, loadBalancerDomain, edge, none));
            }
        }
        String trailName = AuditTrail.trailName(prefix);
        if (settings.trail().isPresent()) {
            AuditTrail.keyStatements(aws, trailName).forEach(key::grant);
        }
        List<Resource> keyPolicy = key.complete().<List<Resource>>map(List::of).orElse(List.of());
        edgeLogs.ifPresent(logs -> logs.start(keyPolicy));
        settings.trail().ifPresent(args -> new AuditTrail(Naming.child(prefix, "audit"), trailName, args, aws, keyArn,
                keyPolicy, protection, none));
        // Application bucket policies are written last: distributions add their grants to them.
        stores.get(Stores.BUCKETS).values().forEach(bucket -> ((PrivateBucket) bucket).complete());
        settings.budget().ifPresent(args -> new CostBudget(Naming.child(prefix, "budget"), settings.stack(), args,
                settings.alerts().emails(), none));

        var alerts = new Alerts(Naming.child(prefix, "alerts"), settings.alerts(), aws, keyArn, protection, none);
        network.alarms(settings.alerts()).forEach(alerts::alarm);
        for (AppService service : services.values()) {
            StandardAlarms.service(service.args().name(), cluster.name(), service.serviceName(), settings.alerts())
                    .forEach(alerts::alarm);
            if (loadBalancer.isPresent() && service.targetGroupArnSuffix().isPresent()) {
                StandardAlarms.webService(service.args().name(), loadBalancer.get().arnSuffix(),
                        service.targetGroupArnSuffix().get(), settings.alerts()).forEach(alerts::alarm);
            }
        }
        stores.values().forEach(byName -> byName.values().forEach(store -> {
            if (store instanceof Monitored monitored) {
                monitored.alarms(settings.alerts()).forEach(alerts::alarm);
            }
        }));
        schedules.ifPresent(group -> group.alarms(settings.alerts()).forEach(alerts::alarm));
        jobs.forEach(job -> job.alarms(settings.alerts()).forEach(alerts::alarm));
        functions.values().forEach(function -> function.alarms(settings.alerts()).forEach(alerts::alarm));
        alerts.publishDashboard();

        ctx.export("vpcId", network.vpcId());
        loadBalancer.ifPresent(lb -> {
            ctx.export("url", lb.url());
            ctx.export("loadBalancerDnsName", lb.dnsName());
        });
        ctx.export("clusterName", cluster.name());
        stores.get(Stores.DATABASE).values().forEach(db -> {
            ctx.export("databaseHost", ((Database) db).host());
            ((Database) db).proxyHost().ifPresent(host -> ctx.export("databaseProxyHost", host));
        });
        stores.get(Stores.CACHE).values().forEach(c -> ctx.export("cacheHost", ((Cache) c).host()));
        stores.get(Stores.KAFKA).values().forEach(k -> ctx.export("kafkaBootstrapServers",
                ((dev.apphome.kafka.Kafka) k).bootstrapBrokers()));
        Map<String, Output<String>> bucketNames = new LinkedHashMap<>();
        stores.get(Stores.BUCKETS).forEach((k, v) -> bucketNames.put(k, ((PrivateBucket) v).bucketName()));
        ctx.export("buckets", Output.all(List.copyOf(bucketNames.values())).applyValue(values -> {
            Map<String, String> resolved = new LinkedHashMap<>();
            List<String> keys = List.copyOf(bucketNames.keySet());
            for (int i = 0; i < keys.size(); i++) {
                resolved.put(keys.get(i), values.get(i));
            }
            return resolved;
        }));
        ctx.export("alertTopicArn", alerts.topicArn());
        distributions.forEach((name, d) -> ctx.export("distribution-" + name, d.domainName()));
        repositories.forEach((name, r) -> ctx.export("repository-" + name, r.url()));
        stores.get(Stores.USER_POOL).values().forEach(pool -> {
            ctx.export("userPoolId", ((AdminUserPool) pool).userPoolId());
            ctx.export("userPoolClientId", ((AdminUserPool) pool).clientId());
        });
        functions.forEach((name, f) -> ctx.export("function-" + name, f.functionArn()));
        ctx.export("keyArn", keyArn);
    }

    /** What the stores of the stack need the key's policy to let AWS services do, in registration order. */
    private static List<KeyGrant> keyGrants(StackSettings settings) {
        List<KeyGrant> grants = new ArrayList<>();
        for (StoreKind<?, ?> kind : Stores.ALL) {
            List<?> declared = kind.named() ? List.copyOf(settings.named(kind).values())
                    : settings.single(kind).stream().toList();
            declared.forEach(s -> {
                if (s instanceof KeyGrants g) {
                    grants.addAll(g.keyGrants());
                }
            });
        }
        return grants;
    }

    /** The stores of one kind the stack declares, by name ({@code ""} for a kind declared once). */
    private static <S, A> Map<String, Store<?>> declareStores(StoreKind<S, A> kind, StackSettings settings, String prefix,
                                                             StoreContext context) {
        Map<String, Store<?>> declared = new LinkedHashMap<>();
        if (kind.named()) {
            settings.named(kind).forEach((name, s) ->
                    declared.put(name, kind.factory().create(kind.componentName(prefix, name), s, context)));
        } else {
            settings.single(kind).ifPresent(s ->
                    declared.put("", kind.factory().create(kind.componentName(prefix, ""), s, context)));
        }
        declared.values().forEach(context.declared()::add);
        return declared;
    }

    /**
     * Every store a service uses, connected to it: what the service receives, kind by kind in
     * registration order (so that its task-role policy reads the same whatever order the stack file
     * lists its uses in), stores of one kind in stack-file order.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Connection connect(Uses uses, Map<StoreKind<?, ?>, Map<String, Store<?>>> stores, Connection secrets,
                                      Client client) {
        Connection connection = secrets;
        for (StoreKind<?, ?> kind : Stores.ALL) {
            for (Uses.Grant grant : uses.grants()) {
                if (grant.kind().equals(kind.key())) {
                    Store store = stores.get(kind).get(grant.store());
                    connection = connection.and(store.connect(client, grant.access()));
                }
            }
        }
        return connection;
    }
}
