package dev.apphome.alerts;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

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
 * @param databaseConnectionsPercent database connections, as a share of the engine's maximum for the class
 * @param errorRatePercent      share of a web service's requests answered with errors that raises an alarm
 * @param errorRateIncludes4xx  whether client errors count towards the error rate
 * @param shapes                how long each family of alarms watches before it raises
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
        @Key(doc = "database connections above this share of the engine's maximum for the instance class raise an "
                + "alarm (instead of `databaseConnections`); the maximum is RDS's default for the class", unit = "%",
                min = 1, max = 100) Integer databaseConnectionsPercent,
        @Key(doc = "a web service whose share of requests answered with 5xx errors goes above this raises an alarm",
                unit = "%", min = 1, max = 100) Integer errorRatePercent,
        @Key(doc = "count 4xx answers as errors too in `errorRatePercent`", dflt = "false") boolean errorRateIncludes4xx,
        @Key(doc = "per family of alarms, the period and how many periods in a row breach before it raises "
                + "(\"80 % for 2 × 5 minutes\": periodSeconds 300, evaluationPeriods 2)") Shapes shapes,
        @Key(doc = "client connections to the database proxy above which an alarm is raised", dflt = "1000", min = 1,
                max = 1000000) int proxyClientConnections,
        @Key(doc = "disk use on any Kafka broker that raises an alarm (storage autoscaling acts at its own target "
                + "first)", unit = "%", dflt = "80", min = 1, max = 100) int kafkaDiskUsedPercent,
        @Key(doc = "user CPU on any Kafka broker that raises an alarm (AWS advises user plus system CPU under 60)",
                unit = "%", dflt = "60", min = 1, max = 100) int kafkaCpuPercent) {

    public AlertSettings {
        emails = List.copyOf(emails);
    }

    /** How long one family of alarms watches. */
    public enum Family { SERVICE, WEB, DATABASE, CACHE, QUEUE, KAFKA }

    /**
     * The period and the consecutive breaching periods of each family; unset, a family watches
     * one-minute periods for {@code evaluationMinutes}.
     *
     * @param service  CPU and memory of services
     * @param web      load-balancer errors, latency and unhealthy targets of web services
     * @param database database CPU and connections
     * @param cache    cache CPU and memory
     * @param queue    age of a queue's oldest message
     * @param kafka    disk use and CPU of Kafka brokers
     */
    public record Shapes(
            @Key(doc = "service CPU and memory alarms") Shape service,
            @Key(doc = "web service error, latency and health alarms") Shape web,
            @Key(doc = "database CPU and connection alarms") Shape database,
            @Key(doc = "cache CPU and memory alarms") Shape cache,
            @Key(doc = "queue age alarms") Shape queue,
            @Key(doc = "Kafka broker disk and CPU alarms") Shape kafka) {

        Shape of(Family family) {
            return switch (family) {
                case SERVICE -> service;
                case WEB -> web;
                case DATABASE -> database;
                case CACHE -> cache;
                case QUEUE -> queue;
                case KAFKA -> kafka;
            };
        }
    }

    /**
     * One family's alarm shape.
     *
     * @param periodSeconds     seconds one datapoint covers
     * @param evaluationPeriods consecutive datapoints that breach before the alarm raises
     */
    public record Shape(
            @Key(doc = "seconds one datapoint covers: 10, 30, or a multiple of 60", derived = "60", unit = "seconds",
                    min = 10, max = 86400) Integer periodSeconds,
            @Key(doc = "consecutive breaching datapoints before the alarm raises", derived = "`evaluationMinutes` of "
                    + "one-minute periods", min = 1, max = 1440) Integer evaluationPeriods) {

        public static final List<Rule<Shape>> RULES = List.of(
                Rule.of("periodSeconds", s -> s.periodSeconds == null || s.periodSeconds == 10 || s.periodSeconds == 30
                                || s.periodSeconds % 60 == 0,
                        s -> "found " + s.periodSeconds + "; allowed: 10, 30, or a multiple of 60 (the periods CloudWatch "
                                + "alarms take)"),
                Rule.of("evaluationPeriods", s -> s.periodSeconds == null || s.evaluationPeriods == null
                                || (long) s.periodSeconds * s.evaluationPeriods <= 86400,
                        s -> "found " + s.evaluationPeriods + " periods of " + s.periodSeconds + " s; allowed: a day at "
                                + "most in all (a CloudWatch alarm evaluates up to one day)"));
    }

    /** The period of a family's alarms. */
    public int periodSeconds(Family family) {
        Shape shape = shapes.of(family);
        return shape.periodSeconds != null ? shape.periodSeconds : 60;
    }

    /** How many periods of a family's alarms must breach: as set, or as many as make up evaluationMinutes. */
    public int evaluationPeriods(Family family) {
        Shape shape = shapes.of(family);
        if (shape.evaluationPeriods != null) {
            return shape.evaluationPeriods;
        }
        return Math.max(1, evaluationMinutes * 60 / periodSeconds(family));
    }
}
