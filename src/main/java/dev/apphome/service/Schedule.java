package dev.apphome.service;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

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
                required = true, pattern = "(cron|rate|at)\\(.+\\)",
                allowed = "cron(minutes hours day-of-month month day-of-week year), rate(N unit) or at(yyyy-mm-ddThh:mm:ss)")
        String at,
        @Key(doc = "task floor from then on", required = true, min = 0, max = 1000) int minCount,
        @Key(doc = "task ceiling from then on", required = true, min = 0, max = 1000) int maxCount,
        @Key(doc = "IANA time zone `at` is read in", dflt = "UTC") String timeZone) {

    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,#L W-]+");
    private static final Pattern RATE = Pattern.compile("rate\\(([1-9]\\d*) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern AT = Pattern.compile("at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)");

    public static final List<Rule<Schedule>> RULES = List.of(
            Rule.of("at", s -> expressionProblem(s.at) == null, s -> "found '" + s.at + "', " + expressionProblem(s.at)),
            Rule.of("maxCount", s -> s.minCount <= s.maxCount, s -> "found " + s.maxCount + ", below minCount "
                    + s.minCount + "; allowed: at least minCount"),
            Rule.of("timeZone", s -> ZoneId.getAvailableZoneIds().contains(s.timeZone) || s.timeZone.equals("UTC"),
                    s -> "found '" + s.timeZone + "'; allowed: an IANA time zone such as Europe/Dublin or UTC"));

    /** Why Application Auto Scaling would refuse the expression, or null. */
    static String expressionProblem(String expression) {
        if (expression.startsWith("rate(")) {
            var m = RATE.matcher(expression);
            if (!m.matches()) {
                return "which is not a rate; allowed: rate(N minutes|hours|days), e.g. rate(1 day)";
            }
            boolean one = m.group(1).equals("1");
            return one == m.group(2).endsWith("s") ? "whose unit must be singular for 1 and plural above; allowed: "
                    + "rate(1 hour) or rate(2 hours)" : null;
        }
        if (expression.startsWith("at(")) {
            return AT.matcher(expression).matches() ? null : "which is not a time; allowed: at(2026-12-24T18:00:00)";
        }
        String body = expression.substring("cron(".length(), expression.length() - 1).trim();
        String[] fields = body.split("\\s+");
        if (fields.length != 6) {
            return "with " + fields.length + " fields; allowed: six — minutes hours day-of-month month day-of-week year";
        }
        for (String field : fields) {
            if (!CRON_FIELD.matcher(field).matches()) {
                return "whose field '" + field + "' is not a cron field";
            }
        }
        if (!fields[2].equals("?") && !fields[4].equals("?")) {
            return "which sets both day-of-month and day-of-week; allowed: ? in one of them, e.g. cron(0 20 ? * MON-FRI *)";
        }
        return null;
    }
}
