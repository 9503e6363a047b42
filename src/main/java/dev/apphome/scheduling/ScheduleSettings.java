package dev.apphome.scheduling;

import dev.apphome.common.ScheduleExpression;
import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * When EventBridge Scheduler starts a job or invokes a function, and how long it keeps trying when
 * the target refuses ({@code jobs.<name>.schedule}, {@code functions.<name>.schedule}).
 *
 * @param at                    {@code cron(…)} with six fields, {@code rate(…)} or {@code at(…)}
 * @param timeZone              the IANA time zone {@code at} is read in
 * @param flexibleWindowMinutes minutes after {@code at} within which the scheduler may start it; null: exactly then
 * @param retryAttempts         retries of an invocation the target refused, before it goes to the dead-letter queue
 * @param maxEventAgeSeconds    seconds the scheduler keeps retrying one invocation
 * @param enabled               whether the schedule runs
 */
public record ScheduleSettings(
        @Key(doc = "when, as EventBridge Scheduler reads it: `cron(0 2 * * ? *)`, `rate(15 minutes)` or "
                + "`at(2026-01-01T02:00:00)` once", required = true, pattern = ScheduleExpression.PATTERN,
                allowed = ScheduleExpression.ALLOWED) String at,
        @Key(doc = "IANA time zone `at` is read in (cron follows its daylight-saving changes)", dflt = "UTC")
        String timeZone,
        @Key(doc = "minutes after `at` within which the scheduler may start it (spreads load; mode FLEXIBLE); none: "
                + "exactly at `at` (mode OFF)", unit = "minutes", min = 1, max = 1440) Integer flexibleWindowMinutes,
        @Key(doc = "times the scheduler retries an invocation the target refused (RunTask or Invoke failing, e.g. "
                + "throttled), before the event goes to the dead-letter queue", dflt = "185", min = 0, max = 185)
        int retryAttempts,
        @Key(doc = "seconds the scheduler keeps retrying one invocation", unit = "seconds", dflt = "86400", min = 60,
                max = 86400) int maxEventAgeSeconds,
        @Key(doc = "whether the schedule runs (false keeps it, paused)", dflt = "true") boolean enabled) {

    public static final List<Rule<ScheduleSettings>> RULES = List.of(
            Rule.of("at", s -> ScheduleExpression.problem(s.at) == null,
                    s -> "found '" + s.at + "', " + ScheduleExpression.problem(s.at)),
            Rule.of("timeZone", s -> ScheduleExpression.knownTimeZone(s.timeZone),
                    s -> ScheduleExpression.timeZoneProblem(s.timeZone)));

    /** The flexible time window's mode. */
    public String windowMode() {
        return flexibleWindowMinutes == null ? "OFF" : "FLEXIBLE";
    }
}
