package dev.apphome.alerts;

import dev.apphome.schema.Key;

import java.util.List;

/**
 * Alarms and who hears them ({@code alerts}).
 *
 * @param emails                addresses subscribed to the alert topic (each confirms by email)
 * @param target5xxPerMinute    target 5xx responses per minute that raise an alarm
 * @param p95LatencyMs          target p95 response time
 * @param p99LatencyMs          target p99 response time
 * @param serviceCpuPercent     service average CPU
 * @param serviceMemoryPercent  service average memory
 * @param databaseCpuPercent    database CPU
 * @param databaseFreeStorageGb database free storage floor
 * @param databaseConnections   database connections ceiling
 * @param cacheCpuPercent       cache engine CPU
 * @param cacheMemoryPercent    cache memory used
 * @param evaluationMinutes     minutes a threshold must be breached before alarming
 * @param queueAgeSeconds       age of a queue's oldest message that raises an alarm
 * @param proxyClientConnections client connections to the database proxy that raise an alarm
 * @param kafkaDiskUsedPercent  a Kafka broker's disk use that raises an alarm
 * @param kafkaCpuPercent       a Kafka broker's user CPU that raises an alarm
 */
public record AlertSettings(
        @Key(doc = "alert subscribers (each confirms by email)", pattern = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                allowed = "email addresses such as oncall@example.com") List<String> emails,
        @Key(doc = "target 5xx responses per minute that raise a load-balancer alarm", dflt = "10", min = 1,
                max = 100000) int target5xxPerMinute,
        @Key(doc = "p95 response time that raises an alarm", unit = "ms", dflt = "1000", min = 1, max = 600000)
        int p95LatencyMs,
        @Key(doc = "p99 response time that raises an alarm", unit = "ms", dflt = "2000", min = 1, max = 600000)
        int p99LatencyMs,
        @Key(doc = "service average CPU that raises an alarm", unit = "%", dflt = "80", min = 1, max = 100)
        int serviceCpuPercent,
        @Key(doc = "service average memory that raises an alarm", unit = "%", dflt = "85", min = 1, max = 100)
        int serviceMemoryPercent,
        @Key(doc = "database CPU that raises an alarm", unit = "%", dflt = "80", min = 1, max = 100) int databaseCpuPercent,
        @Key(doc = "database free storage below which an alarm is raised (instance only)", unit = "GiB", dflt = "5",
                min = 1, max = 65536) int databaseFreeStorageGb,
        @Key(doc = "database connections above which an alarm is raised", dflt = "100", min = 1, max = 100000)
        int databaseConnections,
        @Key(doc = "cache engine CPU that raises an alarm", unit = "%", dflt = "80", min = 1, max = 100) int cacheCpuPercent,
        @Key(doc = "cache memory used that raises an alarm", unit = "%", dflt = "80", min = 1, max = 100)
        int cacheMemoryPercent,
        @Key(doc = "minutes a threshold must be breached before alarming", unit = "minutes", dflt = "5", min = 1,
                max = 1440) int evaluationMinutes,
        @Key(doc = "oldest-message age that raises a queue alarm (any dead letter always does)", unit = "seconds",
                dflt = "900", min = 60, max = 1209600) int queueAgeSeconds,
        @Key(doc = "client connections to the database proxy above which an alarm is raised", dflt = "1000", min = 1,
                max = 1000000) int proxyClientConnections,
        @Key(doc = "disk use on any Kafka broker that raises an alarm (storage autoscaling acts at its own target "
                + "first)", unit = "%", dflt = "80", min = 1, max = 100) int kafkaDiskUsedPercent,
        @Key(doc = "user CPU on any Kafka broker that raises an alarm (AWS advises user plus system CPU under 60)",
                unit = "%", dflt = "60", min = 1, max = 100) int kafkaCpuPercent) {

    public AlertSettings {
        emails = List.copyOf(emails);
    }
}
