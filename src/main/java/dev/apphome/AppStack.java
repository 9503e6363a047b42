package dev.apphome;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.StandardAlarms;
import dev.apphome.cache.Cache;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.Protection;
import dev.apphome.config.StackSettings;
import dev.apphome.database.Database;
import dev.apphome.keys.EncryptionKey;
import dev.apphome.loadbalancer.LoadBalancer;
import dev.apphome.messaging.Queue;
import dev.apphome.messaging.QueueArgs;
import dev.apphome.network.Network;
import dev.apphome.secrets.AppSecrets;
import dev.apphome.service.AppService;
import dev.apphome.service.Cluster;
import dev.apphome.service.Connection;
import dev.apphome.service.ServiceArgs;
import dev.apphome.service.ServiceKind;
import dev.apphome.storage.BucketArgs;
import dev.apphome.storage.PrivateBucket;

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

    private AppStack() {
    }

    /** Declares everything; {@code stackSecret} reads a {@code stack} secret's value as a secret output. */
    public static void declare(Context ctx, StackSettings settings, Function<String, Output<String>> stackSecret) {
        String prefix = settings.project() + "-" + settings.stack();
        var protection = new Protection(settings.protectResources());
        var aws = new AwsContext(AwsFunctions.getCallerIdentity().applyValue(r -> r.accountId()), settings.region(),
                AwsContext.partitionOf(settings.region()));
        ComponentResourceOptions none = ComponentResourceOptions.Empty;

        var key = new EncryptionKey(Naming.child(prefix, "key"), aws, prefix, protection, none);
        Output<String> keyArn = key.arn();
        var network = new Network(prefix, settings.network(), settings.subnets(), aws, keyArn,
                settings.logRetentionDays(), protection, none);
        Optional<LoadBalancer> loadBalancer = settings.loadBalancer().map(args ->
                new LoadBalancer(Naming.child(prefix, "alb"), args, network, aws, protection, none));
        var cluster = new Cluster(Naming.child(prefix, "cluster"), settings.cluster(), prefix + ".internal", protection, none);
        Optional<Database> database = settings.database().map(args -> new Database(Naming.child(prefix, "db"), args,
                network, keyArn, settings.logRetentionDays(), protection, none));
        Optional<Cache> cache = settings.cache().map(args -> new Cache(Naming.child(prefix, "cache"), args, network,
                keyArn, protection, none));
        Map<String, PrivateBucket> buckets = new LinkedHashMap<>();
        for (BucketArgs bucket : settings.buckets()) {
            buckets.put(bucket.name(), new PrivateBucket(Naming.child(prefix, "bucket-" + bucket.name()), bucket,
                    new PrivateBucket.Encryption.Kms(keyArn), arn -> List.of(), protection, none));
        }
        Map<String, Queue> queues = new LinkedHashMap<>();
        for (QueueArgs queue : settings.queues()) {
            queues.put(queue.name(), new Queue(Naming.child(prefix, "queue-" + queue.name()), queue, keyArn, protection, none));
        }
        var secrets = new AppSecrets(Naming.child(prefix, "secrets"), settings.secrets(), keyArn, stackSecret,
                protection, none);

        var placement = new AppService.Placement(network, cluster, loadBalancer, aws, keyArn,
                "/" + prefix + "/services", settings.logRetentionDays());
        boolean anyCalls = settings.services().stream().anyMatch(s -> !s.calls().isEmpty());
        Map<String, AppService> services = new LinkedHashMap<>();
        for (ServiceArgs args : settings.services()) {
            Connection connection = secrets.connection(args.secrets());
            if (args.uses().database()) {
                connection = connection.and(database.orElseThrow().connection(settings.region(), keyArn));
            }
            if (args.uses().cache()) {
                connection = connection.and(cache.orElseThrow().connection());
            }
            for (var use : args.uses().buckets().entrySet()) {
                connection = connection.and(buckets.get(use.getKey()).connection(use.getKey(), use.getValue(),
                        settings.region()));
            }
            for (var use : args.uses().queues().entrySet()) {
                connection = connection.and(queues.get(use.getKey()).connection(use.getKey(), use.getValue(),
                        settings.region()));
            }
            boolean serviceConnect = anyCalls && (args.kind() == ServiceKind.INTERNAL || !args.calls().isEmpty());
            Optional<Output<String>> scalingQueue = Optional.ofNullable(args.scaling().queue())
                    .map(q -> queues.get(q).queueName());
            var service = new AppService(Naming.child(prefix, args.name()), args, placement, connection, serviceConnect,
                    scalingQueue, protection, none);
            services.put(args.name(), service);
            if (args.uses().database()) {
                database.orElseThrow().admit(service.firewall(), args.name());
            }
            if (args.uses().cache()) {
                cache.orElseThrow().admit(service.firewall(), args.name());
            }
        }
        for (AppService caller : services.values()) {
            for (String callee : caller.args().calls()) {
                services.get(callee).admit(caller);
            }
        }

        var alerts = new Alerts(Naming.child(prefix, "alerts"), settings.alerts(), aws, keyArn, protection, none);
        for (AppService service : services.values()) {
            StandardAlarms.service(service.args().name(), cluster.name(), service.serviceName(), settings.alerts())
                    .forEach(alerts::alarm);
            if (loadBalancer.isPresent() && service.targetGroupArnSuffix().isPresent()) {
                StandardAlarms.webService(service.args().name(), loadBalancer.get().arnSuffix(),
                        service.targetGroupArnSuffix().get(), settings.alerts()).forEach(alerts::alarm);
            }
        }
        database.ifPresent(db -> StandardAlarms.database(db.identifier(), db.args().deployment(), settings.alerts())
                .forEach(alerts::alarm));
        cache.ifPresent(c -> StandardAlarms.cache(c.groupId(), settings.alerts()).forEach(alerts::alarm));
        queues.forEach((name, q) -> StandardAlarms.queue(name, q.queueName(), q.deadLetterQueueName(), settings.alerts())
                .forEach(alerts::alarm));
        alerts.publishDashboard();

        ctx.export("vpcId", network.vpcId());
        loadBalancer.ifPresent(lb -> {
            ctx.export("url", lb.url());
            ctx.export("loadBalancerDnsName", lb.dnsName());
        });
        ctx.export("clusterName", cluster.name());
        database.ifPresent(db -> ctx.export("databaseHost", db.host()));
        cache.ifPresent(c -> ctx.export("cacheHost", c.host()));
        Map<String, Output<String>> bucketNames = new LinkedHashMap<>();
        buckets.forEach((k, v) -> bucketNames.put(k, v.bucketName()));
        ctx.export("buckets", Output.all(List.copyOf(bucketNames.values())).applyValue(values -> {
            Map<String, String> resolved = new LinkedHashMap<>();
            List<String> keys = List.copyOf(bucketNames.keySet());
            for (int i = 0; i < keys.size(); i++) {
                resolved.put(keys.get(i), values.get(i));
            }
            return resolved;
        }));
        ctx.export("alertTopicArn", alerts.topicArn());
        ctx.export("keyArn", keyArn);
    }
}
