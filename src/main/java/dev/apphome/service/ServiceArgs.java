package dev.apphome.service;

import java.util.List;
import java.util.Map;

/**
 * One service of the stack.
 *
 * @param name         service name: lowercase letters, digits and hyphens, at most 20 characters
 * @param kind         web, internal or worker
 * @param image        container image reference, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2}
 * @param port         container port (web and internal only)
 * @param cpu          task CPU units (256 = 0.25 vCPU); default 256
 * @param memory       task memory in MiB; must be a Fargate combination with {@code cpu}; default 512
 * @param architecture CPU architecture; default x86_64
 * @param desiredCount tasks to run; default 1
 * @param minCount     autoscaling floor; default {@code desiredCount}
 * @param maxCount     autoscaling ceiling; default {@code desiredCount} (no scaling)
 * @param scaling      target-tracking settings
 * @param environment  plain environment variables (never secrets)
 * @param secrets      environment variable name to the name of a secret in {@code apphome:secrets}
 * @param healthCheck  health check settings
 * @param routing      load balancer routing (web only)
 * @param calls        internal services this one calls
 * @param uses         the data stores this service may use
 * @param command      optional container command override
 * @param readOnlyRootFilesystem whether the container's root file system is read-only (a writable /tmp is
 *                     mounted either way); default true
 */
public record ServiceArgs(
        String name,
        ServiceKind kind,
        String image,
        Integer port,
        int cpu,
        int memory,
        CpuArchitecture architecture,
        int desiredCount,
        int minCount,
        int maxCount,
        Scaling scaling,
        Map<String, String> environment,
        Map<String, String> secrets,
        HealthCheck healthCheck,
        Routing routing,
        List<String> calls,
        DataAccess uses,
        List<String> command,
        boolean readOnlyRootFilesystem) {

    public ServiceArgs {
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        calls = List.copyOf(calls);
        command = List.copyOf(command);
    }

    public boolean autoscaled() {
        return maxCount > minCount;
    }

    /**
     * Target tracking. A null target leaves that metric out.
     *
     * @param cpuPercent              average CPU utilisation to hold, percent; default 70
     * @param memoryPercent           average memory utilisation to hold, percent; default none
     * @param requestsPerTarget       ALB requests per target per minute to hold (web only); default none
     * @param scaleInCooldownSeconds  wait after scaling in; default 300
     * @param scaleOutCooldownSeconds wait after scaling out; default 60
     * @param queue                   a queue the service consumes whose backlog drives scaling instead of the
     *                                targets above, down to minCount (0 allowed) when it is empty; default none
     * @param messagesPerTask         backlog one task works through; more adds tasks in steps; default 100
     */
    public record Scaling(Integer cpuPercent, Integer memoryPercent, Integer requestsPerTarget,
                          int scaleInCooldownSeconds, int scaleOutCooldownSeconds, String queue, int messagesPerTask) {
    }

    /**
     * Health checking: the target group's for web services, the container's own for all kinds with a command.
     *
     * @param path               HTTP path the load balancer probes; default {@code /health}
     * @param intervalSeconds    seconds between probes; default 30
     * @param timeoutSeconds     seconds before a probe fails; default 5
     * @param healthyThreshold   consecutive successes to become healthy; default 2
     * @param unhealthyThreshold consecutive failures to become unhealthy; default 3
     * @param matcher            HTTP codes that count as healthy; default {@code 200-399}
     * @param gracePeriodSeconds seconds after start during which failed checks are ignored; default 60
     * @param command            container health check command, e.g. {@code ["CMD-SHELL", "curl -f localhost:8080/live"]}
     */
    public record HealthCheck(String path, int intervalSeconds, int timeoutSeconds, int healthyThreshold,
                              int unhealthyThreshold, String matcher, int gracePeriodSeconds, List<String> command) {
        public HealthCheck {
            command = List.copyOf(command);
        }
    }

    /**
     * A listener rule: requests matching any host and any path go to this service.
     *
     * @param priority rule priority, 1 to 50000, unique per stack; lower wins
     * @param paths    path patterns such as {@code /api/*}; empty means any path
     * @param hosts    host names such as {@code api.example.com}; empty means any host
     */
    public record Routing(int priority, List<String> paths, List<String> hosts) {
        public Routing {
            paths = List.copyOf(paths);
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * Data stores a service may use; its task role gets exactly these, nothing else.
     *
     * @param database whether it connects to the stack's database
     * @param cache    whether it connects to the stack's cache
     * @param buckets  bucket name to access level
     * @param queues   queue name to access level
     */
    public record DataAccess(boolean database, boolean cache, Map<String, BucketAccess> buckets,
                             Map<String, QueueAccess> queues) {
        public DataAccess {
            buckets = Map.copyOf(buckets);
            queues = Map.copyOf(queues);
        }
    }
}
