package dev.apphome.database;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;
import java.util.Map;

/**
 * The stack's relational database ({@code database}).
 *
 * @param engine              postgres or mysql
 * @param deployment          one instance or an Aurora cluster, with the keys each has
 * @param engineVersion       engine version
 * @param instanceClass       DB instance class
 * @param backupRetentionDays days of automated backups
 * @param deletionProtection  whether AWS refuses to delete the database
 * @param skipFinalSnapshot   whether deleting skips the final snapshot
 * @param performanceInsights whether Performance Insights is on
 * @param databaseName        name of the database created inside
 * @param applyImmediately    whether changes are applied at once rather than in the maintenance window
 * @param parameters          engine parameters set by the stack file, by name
 * @param proxy               an RDS Proxy that services connect through, if any
 */
public record DatabaseSettings(
        @Key(doc = "the engine", required = true, allowed = "postgres or mysql") DatabaseEngine engine,
        @Key(doc = "one RDS instance or an Aurora cluster", dflt = "instance") DatabaseDeployment deployment,
        @Key(doc = "engine version; Aurora needs a full version", derived = "`16` / `8.0`; Aurora `16.6` / "
                + "`8.0.mysql_aurora.3.08.0`", pattern = "\\d+(\\.\\d+){0,2}(\\.mysql_aurora\\.\\d+\\.\\d+\\.\\d+)?",
                allowed = "a version such as 16, 16.6, 8.0 or 8.0.mysql_aurora.3.08.0") String engineVersion,
        @Key(doc = "DB instance class, e.g. `db.t4g.micro`", required = true, pattern = "db\\.[a-z0-9]+\\.[a-z0-9]+",
                allowed = "an RDS instance class such as db.t4g.micro or db.r6g.large") String instanceClass,
        @Key(doc = "days of automated backups", unit = "days", dflt = "7", min = 1, max = 35) int backupRetentionDays,
        @Key(doc = "AWS deletion protection", dflt = "true") boolean deletionProtection,
        @Key(doc = "deleting skips the final snapshot", dflt = "false") boolean skipFinalSnapshot,
        @Key(doc = "Performance Insights", dflt = "false") boolean performanceInsights,
        @Key(doc = "name of the database created inside", dflt = "app", pattern = "[a-zA-Z][a-zA-Z0-9_]{0,62}",
                allowed = "letters, digits and _, starting with a letter, at most 63 characters") String databaseName,
        @Key(doc = "apply class, storage and version changes at once instead of in the Sunday maintenance window "
                + "(until then every preview shows the change again)", dflt = "false") boolean applyImmediately,
        @Key(doc = "engine parameters by name, e.g. `max_connections: 2000`; only those listed under \"Tune database "
                + "parameters\", with their ranges; TLS cannot be turned off") Map<String, String> parameters,
        @Key(doc = "an RDS Proxy that services connect through (TLS only)") java.util.Optional<ProxySettings> proxy) {

    private static final String SMALL_BURSTABLE = "db\\.t\\d+g?\\.(micro|small)";

    public DatabaseSettings {
        engineVersion = engineVersion != null ? engineVersion : engine.in(deployment).defaultVersion();
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        proxy = proxy == null ? java.util.Optional.empty() : proxy;
    }

    public static final List<Rule<DatabaseSettings>> RULES = List.of(
            Rule.of("engineVersion", d -> !(d.aurora() && d.engine == DatabaseEngine.MYSQL)
                            || d.engineVersion.contains(".mysql_aurora."),
                    d -> "found '" + d.engineVersion + "', which Aurora MySQL does not accept; allowed: a full Aurora "
                            + "version such as 8.0.mysql_aurora.3.08.0"),
            Rule.of("instanceClass", d -> !d.aurora() || !d.instanceClass.matches(SMALL_BURSTABLE),
                    d -> "found '" + d.instanceClass + "', which Aurora does not offer; allowed: db.t4g.medium or larger"),
            Rule.of("performanceInsights", d -> !(d.performanceInsights && d.engine == DatabaseEngine.MYSQL
                            && d.instanceClass.matches(SMALL_BURSTABLE)),
                    d -> "is true on " + d.instanceClass + ", where RDS for MySQL does not offer it; allowed: false, or "
                            + "db.t4g.medium or larger"),
            Rule.each(DatabaseSettings::parameterProblems),
            Rule.of("proxy", d -> d.proxy.isEmpty() || !proxyRefuses(d.engineVersion),
                    d -> "is set with engineVersion " + d.engineVersion + ", which RDS Proxy does not support; allowed: "
                            + "Aurora MySQL 2.07 or 2.11 and later (or version 3), or no proxy"),
            Rule.of("skipFinalSnapshot", d -> !(d.skipFinalSnapshot && d.deletionProtection),
                    "is true while deletionProtection is true; allowed: one or the other (a protected database is never "
                            + "deleted, so skipping its last snapshot only hides a choice)"));

    /** Allowed, but probably not meant. */
    public static final List<Rule<DatabaseSettings>> WARNINGS = List.of(
            Rule.of("engineVersion", d -> !(d.engine == DatabaseEngine.MYSQL && !d.aurora() && d.engineVersion.equals("8.0")),
                    "is 8.0, which left RDS standard support on 2026-07-31: RDS bills MySQL 8.0 instances for Extended "
                            + "Support; \"8.4\" is supported (for an existing database, a major upgrade)"));

    /** Every stack-file parameter the flavor does not know, or whose value RDS would refuse. */
    private static List<Rule.Violation> parameterProblems(DatabaseSettings d) {
        DatabaseEngine.Flavor flavor = d.flavor();
        List<DatabaseParameter> tunable = flavor.tunable();
        List<String> names = tunable.stream().map(DatabaseParameter::name).distinct().sorted().toList();
        List<Rule.Violation> found = new java.util.ArrayList<>();
        d.parameters.forEach((name, value) -> {
            String key = "parameters." + name;
            if (name.equals(flavor.tlsParameter())) {
                if (!value.trim().equalsIgnoreCase(flavor.tlsOn()) && !(flavor.tlsOn().equals("ON") && value.trim().equals("1"))) {
                    found.add(new Rule.Violation(key, "found " + quote(value) + ", which would let clients connect without "
                            + "TLS; allowed: " + flavor.tlsOn() + " only: the program forces TLS, so leave " + name + " out"));
                }
                return;
            }
            var known = tunable.stream().filter(k -> k.name().equals(name)).findFirst();
            if (known.isEmpty()) {
                boolean otherEngine = DatabaseParameter.KNOWN.stream().anyMatch(k -> k.name().equals(name));
                found.add(new Rule.Violation(key, (otherEngine ? "is not a parameter of " + flavor.label()
                        : "unknown parameter" + dev.apphome.schema.Nearest.suggestion(name, names))
                        + "; allowed for " + flavor.label() + ": " + String.join(", ", names)));
            } else if (known.get().value().accept(value) == null) {
                found.add(new Rule.Violation(key, "found " + quote(value) + "; allowed: " + known.get().value().allowed()));
            }
        });
        return found;
    }

    /** Aurora MySQL 2.08 to 2.10: the only versions of these engines RDS Proxy's support tables leave out. */
    static boolean proxyRefuses(String engineVersion) {
        var m = java.util.regex.Pattern.compile(".*\\.mysql_aurora\\.2\\.(\\d+)\\..*").matcher(engineVersion);
        return m.matches() && Integer.parseInt(m.group(1)) >= 8 && Integer.parseInt(m.group(1)) <= 10;
    }

    private static String quote(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
    }

    public boolean aurora() {
        return deployment instanceof DatabaseDeployment.Aurora;
    }

    /**
     * The most connections the database takes: the stack file's {@code max_connections} when it sets
     * one, else the engine's default for the instance class, when the program knows it.
     */
    public java.util.OptionalInt maxConnections() {
        String set = parameters.get("max_connections");
        if (set != null && set.trim().matches("\\d+")) {
            return java.util.OptionalInt.of(Integer.parseInt(set.trim()));
        }
        return flavor().maxConnections(instanceClass);
    }

    /** The engine as this deployment runs it. */
    public DatabaseEngine.Flavor flavor() {
        return engine.in(deployment);
    }

    /** The RDS parameter group family, e.g. {@code postgres16} or {@code aurora-mysql8.0}. */
    public String parameterGroupFamily() {
        return flavor().family(engineVersion);
    }
}
