package dev.apphome.service;

import dev.apphome.common.ScheduleExpression;
import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * A scheduled change of a service's task-count bounds, e.g. none at night: at {@code at}, the
 * floor becomes {@code minCount} and the ceiling {@code maxCount}.
 *
 * @param at       when: {@code cron(minutes hours day-of-month month day-of-week year)} or {@code rate(…)}
 * @param minCount the floor from then on
 * @param maxCount the ceiling from then on
 * @param timeZone the time zone {@code at} is read in
 */
public record Schedule(
        @Key(doc = "when, as Application Auto Scaling reads it: `cron(0 20 ? * MON-FRI *)` or `rate(1 day)`",
                required = true, pattern = ScheduleExpression.PATTERN, allowed = ScheduleExpression.ALLOWED)
        String at,
        @Key(doc = "task floor from then on", required = true, min = 0, max = 1000) int minCount,
        @Key(doc = "task ceiling from then on", required = true, min = 0, max = 1000) int maxCount,
        @Key(doc = "IANA time zone `at` is read in", dflt = "UTC") String timeZone) {

    public static final List<Rule<Schedule>> RULES = List.of(
            Rule.of("at", s -> expressionProblem(s.at) == null, s -> "found '" + s.at + "', " + expressionProblem(s.at)),
            Rule.of("maxCount", s -> s.minCount <= s.maxCount, s -> "found " + s.maxCount + ", below minCount "
                    + s.minCount + "; allowed: at least minCount"),
            Rule.of("timeZone", s -> ScheduleExpression.knownTimeZone(s.timeZone),
                    s -> ScheduleExpression.timeZoneProblem(s.timeZone)));

    /** Why Application Auto Scaling would refuse the expression, or null. */
    static String expressionProblem(String expression) {
        return ScheduleExpression.problem(expression);
    }
}
