package dev.apphome.service;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * How a service scales between {@code minCount} and {@code maxCount}: target tracking on CPU, memory
 * or load-balancer requests, or the backlog of a queue it consumes. A null target leaves that metric
 * out.
 *
 * @param cpuPercent              average CPU utilisation to hold
 * @param memoryPercent           average memory utilisation to hold
 * @param requestsPerTarget       ALB requests per target per minute to hold (web only)
 * @param scaleInCooldownSeconds  wait after scaling in
 * @param scaleOutCooldownSeconds wait after scaling out
 * @param queue                   a queue the service consumes whose backlog drives scaling instead of the targets
 * @param messagesPerTask         backlog one task works through
 * @param schedules               changes of the task-count bounds at set times
 */
public record Scaling(
        @Key(doc = "CPU target tracking", unit = "%", derived = "70 when no other target is set", min = 10, max = 95)
        Integer cpuPercent,
        @Key(doc = "memory target tracking", unit = "%", min = 10, max = 95) Integer memoryPercent,
        @Key(doc = "load-balancer requests per target per minute to hold (web only)", min = 1, max = 1000000)
        Integer requestsPerTarget,
        @Key(doc = "wait after scaling in", unit = "seconds", dflt = "300", min = 60, max = 3600) int scaleInCooldownSeconds,
        @Key(doc = "wait after scaling out", unit = "seconds", dflt = "60", min = 0, max = 3600) int scaleOutCooldownSeconds,
        @Key(doc = "scale on this consumed queue's backlog instead, down to `minCount` (0 allowed) once the queue is "
                + "empty for the scale-in cooldown") String queue,
        @Key(doc = "backlog one task works through", dflt = "100", min = 1, max = 1000000) int messagesPerTask,
        @Key(doc = "scheduled changes of `minCount`/`maxCount`, e.g. none at night: a list of `{at, minCount, "
                + "maxCount, timeZone}`") List<Schedule> schedules) {

    public Scaling {
        schedules = List.copyOf(schedules);
    }

    /** CPU target tracking is the default when nothing else is asked for. */
    static final int DEFAULT_CPU_PERCENT = 70;

    public static final List<Rule<Scaling>> RULES = List.of(
            Rule.of("queue", s -> s.queue == null || !s.anyTarget(), "is set together with cpuPercent, memoryPercent or "
                    + "requestsPerTarget; allowed: one or the other (queue scaling steps and target tracking would fight)"));

    /** The CPU target in effect: the one set, or 70 % when no target and no queue is set. */
    public Integer cpuTarget() {
        return cpuPercent == null && memoryPercent == null && requestsPerTarget == null && queue == null
                ? Integer.valueOf(DEFAULT_CPU_PERCENT) : cpuPercent;
    }

    /** Whether the stack file sets any scaling signal at all. */
    boolean anySignal() {
        return anyTarget() || queue != null;
    }

    private boolean anyTarget() {
        return cpuPercent != null || memoryPercent != null || requestsPerTarget != null;
    }
}
