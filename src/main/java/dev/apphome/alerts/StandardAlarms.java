package dev.apphome.alerts;

import com.pulumi.core.Output;
import dev.apphome.database.DatabaseDeployment;

import java.util.List;
import java.util.Map;

/** The alarms every stack gets, with thresholds from the stack file's {@code alerts}. */
public final class StandardAlarms {

    private static final double GIB = 1024d * 1024d * 1024d;

    private StandardAlarms() {
    }

    /** Load balancer: target 5xx responses, p95 and p99 response time, unhealthy targets of one service. */
    public static List<Alerts.AlarmSpec> webService(String service, Output<String> loadBalancer, Output<String> targetGroup,
                                                    AlertArgs t) {
        Map<String, Output<String>> dimensions = Map.of("LoadBalancer", loadBalancer, "TargetGroup", targetGroup);
        int minutes = t.evaluationMinutes();
        return List.of(
                new Alerts.AlarmSpec(service + "-5xx", service + ": target 5xx responses > " + t.target5xxPerMinute() + "/min",
                        "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions, "Sum",
                        "GreaterThanThreshold", t.target5xxPerMinute(), 60, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-p95", service + ": p95 response time > " + t.p95LatencyMs() + " ms",
                        "AWS/ApplicationELB", "TargetResponseTime", dimensions, "p95",
                        "GreaterThanThreshold", t.p95LatencyMs() / 1000.0, 60, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-p99", service + ": p99 response time > " + t.p99LatencyMs() + " ms",
                        "AWS/ApplicationELB", "TargetResponseTime", dimensions, "p99",
                        "GreaterThanThreshold", t.p99LatencyMs() / 1000.0, 60, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-unhealthy", service + ": unhealthy targets",
                        "AWS/ApplicationELB", "UnHealthyHostCount", dimensions, "Maximum",
                        "GreaterThanOrEqualToThreshold", 1, 60, minutes, "notBreaching"));
    }

    /** Any service: average CPU and memory of its tasks. */
    public static List<Alerts.AlarmSpec> service(String service, Output<String> cluster, Output<String> serviceName,
                                                 AlertArgs t) {
        Map<String, Output<String>> dimensions = Map.of("ClusterName", cluster, "ServiceName", serviceName);
        return List.of(
                new Alerts.AlarmSpec(service + "-cpu", service + ": CPU > " + t.serviceCpuPercent() + " %",
                        "AWS/ECS", "CPUUtilization", dimensions, "Average", "GreaterThanThreshold",
                        t.serviceCpuPercent(), 60, t.evaluationMinutes(), "missing"),
                new Alerts.AlarmSpec(service + "-memory", service + ": memory > " + t.serviceMemoryPercent() + " %",
                        "AWS/ECS", "MemoryUtilization", dimensions, "Average", "GreaterThanThreshold",
                        t.serviceMemoryPercent(), 60, t.evaluationMinutes(), "missing"));
    }

    /** Database: CPU, connections, and (single instance) free storage. */
    public static List<Alerts.AlarmSpec> database(String identifier, DatabaseDeployment deployment, AlertArgs t) {
        boolean aurora = deployment == DatabaseDeployment.AURORA;
        Map<String, Output<String>> dimensions = Map.of(aurora ? "DBClusterIdentifier" : "DBInstanceIdentifier",
                Output.of(identifier));
        var cpu = new Alerts.AlarmSpec("db-cpu", "Database CPU > " + t.databaseCpuPercent() + " %", "AWS/RDS",
                "CPUUtilization", dimensions, "Average", "GreaterThanThreshold", t.databaseCpuPercent(), 60,
                t.evaluationMinutes(), "missing");
        var connections = new Alerts.AlarmSpec("db-connections", "Database connections > " + t.databaseConnections(),
                "AWS/RDS", "DatabaseConnections", dimensions, "Maximum", "GreaterThanThreshold",
                t.databaseConnections(), 60, t.evaluationMinutes(), "missing");
        if (aurora) {
            return List.of(cpu, connections); // Aurora storage grows by itself; there is no free-storage floor
        }
        var storage = new Alerts.AlarmSpec("db-storage", "Database free storage < " + t.databaseFreeStorageGb() + " GiB",
                "AWS/RDS", "FreeStorageSpace", dimensions, "Minimum", "LessThanThreshold",
                t.databaseFreeStorageGb() * GIB, 300, 1, "missing");
        return List.of(cpu, connections, storage);
    }

    /** Queue: any dead letter at all, and a backlog whose oldest message is older than the threshold. */
    public static List<Alerts.AlarmSpec> queue(String queue, Output<String> queueName, Output<String> deadLetterQueueName,
                                               AlertArgs t) {
        return List.of(
                new Alerts.AlarmSpec(queue + "-dead-letters", queue + ": messages in the dead-letter queue", "AWS/SQS",
                        "ApproximateNumberOfMessagesVisible", Map.of("QueueName", deadLetterQueueName), "Maximum",
                        "GreaterThanThreshold", 0, 60, 1, "notBreaching"),
                new Alerts.AlarmSpec(queue + "-age", queue + ": oldest message older than " + t.queueAgeSeconds() + " s",
                        "AWS/SQS", "ApproximateAgeOfOldestMessage", Map.of("QueueName", queueName), "Maximum",
                        "GreaterThanThreshold", t.queueAgeSeconds(), 60, t.evaluationMinutes(), "notBreaching"));
    }

    /** Cache: engine CPU and memory of the primary node. */
    public static List<Alerts.AlarmSpec> cache(Output<String> groupId, AlertArgs t) {
        Map<String, Output<String>> dimensions = Map.of("CacheClusterId", groupId.applyValue(id -> id + "-001"));
        return List.of(
                new Alerts.AlarmSpec("cache-cpu", "Cache engine CPU > " + t.cacheCpuPercent() + " %", "AWS/ElastiCache",
                        "EngineCPUUtilization", dimensions, "Average", "GreaterThanThreshold", t.cacheCpuPercent(), 60,
                        t.evaluationMinutes(), "missing"),
                new Alerts.AlarmSpec("cache-memory", "Cache memory > " + t.cacheMemoryPercent() + " %", "AWS/ElastiCache",
                        "DatabaseMemoryUsagePercentage", dimensions, "Average", "GreaterThanThreshold",
                        t.cacheMemoryPercent(), 60, t.evaluationMinutes(), "missing"));
    }
}
