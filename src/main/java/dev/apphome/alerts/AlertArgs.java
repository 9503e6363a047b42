package dev.apphome.alerts;

import java.util.List;

/**
 * Alarms and who hears them.
 *
 * @param emails                 addresses subscribed to the alert topic (each confirms by email)
 * @param target5xxPerMinute     target 5xx responses per minute that raise an alarm; default 10
 * @param p95LatencyMs           target p95 response time, ms; default 1000
 * @param p99LatencyMs           target p99 response time, ms; default 2000
 * @param serviceCpuPercent      service average CPU, percent; default 80
 * @param serviceMemoryPercent   service average memory, percent; default 85
 * @param databaseCpuPercent     database CPU, percent; default 80
 * @param databaseFreeStorageGb  database free storage floor, GiB; default 5
 * @param databaseConnections    database connections ceiling; default 100
 * @param cacheCpuPercent        cache engine CPU, percent; default 80
 * @param cacheMemoryPercent     cache memory used, percent; default 80
 * @param evaluationMinutes      minutes a threshold must be breached before alarming; default 5
 * @param queueAgeSeconds        age of a queue's oldest message that raises an alarm, seconds; default 900
 */
public record AlertArgs(
        List<String> emails,
        int target5xxPerMinute,
        int p95LatencyMs,
        int p99LatencyMs,
        int serviceCpuPercent,
        int serviceMemoryPercent,
        int databaseCpuPercent,
        int databaseFreeStorageGb,
        int databaseConnections,
        int cacheCpuPercent,
        int cacheMemoryPercent,
        int evaluationMinutes,
        int queueAgeSeconds) {

    public AlertArgs {
        emails = List.copyOf(emails);
    }
}
