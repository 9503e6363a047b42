package dev.apphome.common;

import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The schedule expressions AWS's schedulers read, as Application Auto Scaling (scheduled actions)
 * and EventBridge Scheduler both write them: {@code cron(minutes hours day-of-month month day-of-week
 * year)} with six fields, {@code rate(N unit)} with a singular unit for 1 and a plural one above, or
 * {@code at(yyyy-mm-ddThh:mm:ss)} once; and the IANA time zones they are read in. What either
 * service would refuse at deploy time is refused here, before anything is declared.
 */
public final class ScheduleExpression {

    /** What a stack-file key holding an expression must look like, for its {@code @Key} pattern. */
    public static final String PATTERN = "(cron|rate|at)\\(.+\\)";
    /** The same, in words. */
    public static final String ALLOWED = "cron(minutes hours day-of-month month day-of-week year), rate(N unit) or "
            + "at(yyyy-mm-ddThh:mm:ss)";

    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,#L W-]+");
    private static final Pattern RATE = Pattern.compile("rate\\(([1-9]\\d*) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern AT = Pattern.compile("at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)");

    private ScheduleExpression() {
    }

    /** Why the schedulers would refuse {@code expression} (matching {@link #PATTERN}), or null. */
    public static String problem(String expression) {
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

    /** Whether the schedulers know {@code zone}. */
    public static boolean knownTimeZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone) || zone.equals("UTC");
    }

    /** The message for a time zone they do not know. */
    public static String timeZoneProblem(String zone) {
        return "found '" + zone + "'; allowed: an IANA time zone such as Europe/Dublin or UTC";
    }
}
