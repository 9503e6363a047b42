package dev.apphome.database;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An engine parameter a stack file may set under {@code database.parameters}: which engines have
 * it, the values RDS accepts, whether RDS applies a change at once (dynamic) or at the next reboot
 * (static), and, in an Aurora cluster, whether it belongs to the cluster's parameter group or to the
 * instances'. The ranges are those RDS's default parameter groups state; RDS checks the value again
 * when the group is written, which no plan can.
 *
 * @param name       the parameter's name, as RDS spells it
 * @param rdsEngines the RDS engines that have it, e.g. {@code postgres} and {@code aurora-postgresql}
 * @param value      what values are allowed
 * @param dynamic    whether RDS applies a change at once; otherwise at the next reboot
 * @param level      in an Aurora cluster, which parameter group holds it
 * @param doc        what it does, one line
 */
public record DatabaseParameter(String name, List<String> rdsEngines, Value value, boolean dynamic, Level level,
                                String doc) {

    /** Which parameter group of an Aurora cluster holds a parameter. */
    public enum Level {
        /** The cluster parameter group: one value for every instance. */
        CLUSTER,
        /**
         * The instances' parameter group. AWS's Aurora MySQL reference lists these only at instance level
         * (max_connections, wait_timeout, …); the cluster group would set their defaults too, but the
         * instance group is where AWS documents them.
         */
        INSTANCE
    }

    /** The values a parameter accepts. */
    public sealed interface Value {
        /** The value as RDS stores it, or null when it is not allowed. */
        String accept(String raw);

        /** What an allowed value looks like, in words. */
        String allowed();
    }

    /** A whole number in a range, with its unit. */
    public record Whole(long min, long max, String unit) implements Value {
        @Override
        public String accept(String raw) {
            try {
                long n = Long.parseLong(raw.trim());
                return n >= min && n <= max ? String.valueOf(n) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String allowed() {
            return "a whole number from " + min + " to " + max + (unit.isEmpty() ? "" : " (" + unit + ")");
        }
    }

    /** A decimal number in a range, with its unit. */
    public record Decimal(double min, double max, String unit) implements Value {
        @Override
        public String accept(String raw) {
            try {
                double d = Double.parseDouble(raw.trim());
                return d >= min && d <= max && raw.trim().matches("\\d+(\\.\\d+)?") ? raw.trim() : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String allowed() {
            return "a number from " + plain(min) + " to " + plain(max) + (unit.isEmpty() ? "" : " (" + unit + ")");
        }

        private static String plain(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    /** One of a few words; {@code true}/{@code false} stand for 1/0 where those are the words. */
    public record OneOf(List<String> values) implements Value {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public String accept(String raw) {
            String v = raw.trim();
            if (values.equals(List.of("0", "1")) && (v.equals("true") || v.equals("false"))) {
                return v.equals("true") ? "1" : "0";
            }
            return values.contains(v) ? v : null;
        }

        @Override
        public String allowed() {
            return values.equals(List.of("0", "1")) ? "0 or 1" : String.join(", ", values);
        }
    }

    /** A comma-separated list of some of a few words. */
    public record SomeOf(List<String> values) implements Value {
        public SomeOf {
            values = List.copyOf(values);
        }

        @Override
        public String accept(String raw) {
            List<String> items = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return !items.isEmpty() && values.containsAll(items) && items.stream().distinct().count() == items.size()
                    ? String.join(",", items) : null;
        }

        @Override
        public String allowed() {
            return "a comma-separated list of " + String.join(", ", values);
        }
    }

    /** Text of a given shape. */
    public record Shaped(String regex, String description) implements Value {
        @Override
        public String accept(String raw) {
            return Pattern.matches(regex, raw.trim()) ? raw.trim() : null;
        }

        @Override
        public String allowed() {
            return description;
        }
    }

    public DatabaseParameter {
        rdsEngines = List.copyOf(rdsEngines);
    }

    /** How RDS applies a change: {@code immediate} for a dynamic parameter, {@code pending-reboot} for a static one. */
    public String applyMethod() {
        return dynamic ? "immediate" : "pending-reboot";
    }

    private static final List<String> POSTGRES = List.of("postgres", "aurora-postgresql");
    private static final List<String> MYSQL = List.of("mysql", "aurora-mysql");
    private static final Value ZERO_OR_ONE = new OneOf(List.of("0", "1"));
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final Value TIME_ZONE = new Shaped("UTC|[A-Z][A-Za-z_]+(/[A-Z][A-Za-z_+-]+){1,2}",
            "UTC or a time-zone name such as Europe/Berlin");

    /**
     * Every parameter a stack file may set. The TLS parameters (rds.force_ssl, require_secure_transport)
     * are not here: the program forces TLS, and the stack file cannot turn it off.
     */
    public static final List<DatabaseParameter> KNOWN = List.of(
            // PostgreSQL, RDS and Aurora. Aurora PostgreSQL's cluster parameter group carries all of these.
            new DatabaseParameter("max_connections", POSTGRES, new Whole(6, 262143, ""), false, Level.CLUSTER,
                    "most concurrent connections (default from the instance's memory)"),
            new DatabaseParameter("work_mem", POSTGRES, new Whole(64, INT_MAX, "kB"), true, Level.CLUSTER,
                    "memory a sort or hash may use before spilling to disk"),
            new DatabaseParameter("log_min_duration_statement", POSTGRES, new Whole(-1, INT_MAX, "ms"), true,
                    Level.CLUSTER, "log statements slower than this; -1 logs none"),
            new DatabaseParameter("log_statement", POSTGRES, new OneOf(List.of("none", "ddl", "mod", "all")), true,
                    Level.CLUSTER, "which statements are logged"),
            new DatabaseParameter("idle_in_transaction_session_timeout", POSTGRES, new Whole(0, INT_MAX, "ms"), true,
                    Level.CLUSTER, "end sessions idle inside a transaction this long; 0 never"),
            new DatabaseParameter("statement_timeout", POSTGRES, new Whole(0, INT_MAX, "ms"), true, Level.CLUSTER,
                    "cancel statements running longer than this; 0 never"),
            new DatabaseParameter("shared_preload_libraries", POSTGRES, new SomeOf(List.of("auto_explain", "pg_cron",
                    "pg_hint_plan", "pg_prewarm", "pg_stat_statements", "pgaudit", "pglogical")), false, Level.CLUSTER,
                    "libraries loaded at start; RDS's default is pg_stat_statements, so list it to keep it"),
            new DatabaseParameter("log_connections", POSTGRES, ZERO_OR_ONE, true, Level.CLUSTER,
                    "log each successful connection"),
            new DatabaseParameter("log_disconnections", POSTGRES, ZERO_OR_ONE, true, Level.CLUSTER,
                    "log each session's end and duration"),
            new DatabaseParameter("timezone", POSTGRES, TIME_ZONE, true, Level.CLUSTER,
                    "time zone for displaying and reading timestamps"),
            // MySQL, RDS and Aurora. Aurora MySQL holds some at cluster level only, others at instance level only.
            // The slow-query logging parameters are instance-level in AWS's Aurora MySQL list, but a cluster group
            // carries instance-level defaults too, and the program has always set them there: they stay there.
            new DatabaseParameter("max_connections", List.of("mysql"), new Whole(1, 100000, ""), true, Level.INSTANCE,
                    "most concurrent connections (default from the instance's memory)"),
            new DatabaseParameter("max_connections", List.of("aurora-mysql"), new Whole(1, 16000, ""), true,
                    Level.INSTANCE, "most concurrent connections (default from the instance's memory)"),
            new DatabaseParameter("slow_query_log", MYSQL, ZERO_OR_ONE, true, Level.CLUSTER,
                    "write queries slower than long_query_time to the slow-query log (the program turns it on)"),
            new DatabaseParameter("long_query_time", MYSQL, new Decimal(0, 31536000, "seconds"), true, Level.CLUSTER,
                    "what the slow-query log counts as slow (the program sets 2)"),
            new DatabaseParameter("log_output", MYSQL, new OneOf(List.of("FILE")), true, Level.CLUSTER,
                    "where logs are written; only FILE, which the CloudWatch exports read (the program sets it)"),
            new DatabaseParameter("innodb_lock_wait_timeout", MYSQL, new Whole(1, 1073741824, "seconds"), true,
                    Level.INSTANCE, "how long a transaction waits for a row lock before giving up"),
            new DatabaseParameter("wait_timeout", MYSQL, new Whole(1, 31536000, "seconds"), true, Level.INSTANCE,
                    "close connections idle this long"),
            new DatabaseParameter("max_allowed_packet", MYSQL, new Whole(1024, 1073741824, "bytes"), true,
                    Level.INSTANCE, "largest packet or generated string"),
            new DatabaseParameter("performance_schema", MYSQL, ZERO_OR_ONE, false, Level.INSTANCE,
                    "the Performance Schema's instrumentation"),
            new DatabaseParameter("character_set_server", MYSQL, new OneOf(List.of("utf8mb4", "utf8mb3", "latin1",
                    "ascii", "binary")), true, Level.CLUSTER, "default character set of new databases"),
            new DatabaseParameter("time_zone", MYSQL, TIME_ZONE, true, Level.CLUSTER, "the server's time zone"));

    /** The parameters an engine in one deployment accepts, e.g. for {@code aurora-mysql}. */
    public static List<DatabaseParameter> of(String rdsEngine) {
        return KNOWN.stream().filter(p -> p.rdsEngines.contains(rdsEngine)).toList();
    }

    /** The README's table of every parameter, generated from {@link #KNOWN}. */
    public static String markdown() {
        StringBuilder out = new StringBuilder("| parameter | engines | values | a change applies | Aurora group | meaning |\n"
                + "|---|---|---|---|---|---|\n");
        for (DatabaseParameter p : KNOWN) {
            boolean aurora = p.rdsEngines.stream().anyMatch(e -> e.startsWith("aurora"));
            out.append("| `").append(p.name).append("` | ").append(String.join(", ", p.rdsEngines)).append(" | ")
                    .append(p.value.allowed()).append(" | ").append(p.dynamic ? "at once" : "at the next reboot")
                    .append(" | ").append(aurora ? p.level.name().toLowerCase(Locale.ROOT) : "—").append(" | ")
                    .append(p.doc).append(" |\n");
        }
        return out.toString();
    }
}
