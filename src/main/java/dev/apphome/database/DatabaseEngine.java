package dev.apphome.database;

import java.util.List;
import java.util.Map;

/**
 * The database engine, with what differs per engine and per deployment written as data: RDS's
 * engine name, the parameter-group family, the parameter that forces TLS and the value that turns
 * it on, the logs RDS can export, and the version used when the stack file names none.
 */
public enum DatabaseEngine {
    // Aurora PostgreSQL has no upgrade log, and takes a major version alone (the provider keeps "16"
    // while RDS upgrades minor versions, where a pinned "16.6" would turn into a failed downgrade).
    // MySQL writes its slow-query log only when asked, and to CloudWatch only from a file. RDS for
    // MySQL instance groups store require_secure_transport as 1; Aurora MySQL cluster groups as ON.
    POSTGRES(5432,
            new Flavor("postgres", "postgres", "16", List.of("postgresql", "upgrade"), "rds.force_ssl", "1", List.of()),
            new Flavor("aurora-postgresql", "aurora-postgresql", "16", List.of("postgresql"), "rds.force_ssl", "1",
                    List.of())),
    MYSQL(3306,
            new Flavor("mysql", "mysql", "8.0", List.of("error", "slowquery"), "require_secure_transport", "1",
                    mysqlLogs()),
            new Flavor("aurora-mysql", "aurora-mysql", "8.0.mysql_aurora.3.08.0", List.of("error", "slowquery"),
                    "require_secure_transport", "ON", mysqlLogs()));

    /** A parameter and its value, with whether RDS applies it at once or at the next reboot. */
    public record Parameter(String name, String value, String applyMethod) {
    }

    /**
     * What the parameter groups hold.
     *
     * @param main      the instance's parameter group, or an Aurora cluster's cluster parameter group
     * @param instances an Aurora cluster's instance-level parameters, for its instances' group; empty otherwise
     */
    public record ParameterGroups(List<Parameter> main, List<Parameter> instances) {
    }

    /** The slow-query log on, for queries over 2 s, written to a file (the table default is not exported). */
    private static List<Parameter> mysqlLogs() {
        return List.of(new Parameter("slow_query_log", "1", "immediate"),
                new Parameter("long_query_time", "2", "immediate"),
                new Parameter("log_output", "FILE", "immediate"));
    }

    /**
     * One engine in one deployment, as RDS names and configures it.
     *
     * @param rdsEngine      RDS's engine name, e.g. {@code aurora-postgresql}
     * @param familyPrefix   the parameter-group family before the major version, e.g. {@code postgres}
     * @param defaultVersion the version used when the stack file sets none
     * @param logExports     the CloudWatch log exports RDS offers
     * @param tlsParameter   the parameter that refuses connections without TLS
     * @param tlsOn          its value that turns that on
     * @param logging        parameters the log exports need to have anything to export
     */
    public record Flavor(String rdsEngine, String familyPrefix, String defaultVersion, List<String> logExports,
                         String tlsParameter, String tlsOn, List<Parameter> logging) {

        /**
         * Whether RDS may apply minor versions itself. Not for Aurora MySQL: its versions name the
         * Aurora release in full (8.0.mysql_aurora.3.08.0), which no shorter prefix can stand for, so an
         * upgrade by RDS would make the next update a downgrade, which RDS refuses.
         */
        public boolean minorUpgradesInPlace() {
            return !rdsEngine.equals("aurora-mysql");
        }

        /**
         * The engine's default {@code max_connections} on {@code instanceClass}, as RDS computes it
         * (PostgreSQL: LEAST(DBInstanceClassMemory / 9531392, 5000); MySQL: DBInstanceClassMemory /
         * 12582880; Aurora MySQL: its table by class size); empty for a class whose memory is unknown.
         */
        public java.util.OptionalInt maxConnections(String instanceClass) {
            if (rdsEngine.equals("aurora-mysql")) {
                return auroraMysqlConnections(instanceClass);
            }
            var memory = InstanceClasses.engineMemoryBytes(instanceClass);
            if (memory.isEmpty()) {
                return java.util.OptionalInt.empty();
            }
            return rdsEngine.contains("postgres") ? java.util.OptionalInt.of((int) Math.min(memory.get() / 9531392, 5000))
                    : java.util.OptionalInt.of((int) (memory.get() / 12582880));
        }

        private static java.util.OptionalInt auroraMysqlConnections(String instanceClass) {
            String size = instanceClass.substring(instanceClass.lastIndexOf('.') + 1);
            boolean burstable = instanceClass.startsWith("db.t");
            Integer value = burstable ? Map.of("small", 45, "medium", 90, "large", 135).get(size)
                    : Map.of("large", 1000, "xlarge", 2000, "2xlarge", 3000, "4xlarge", 4000, "8xlarge", 5000,
                    "12xlarge", 6000, "16xlarge", 6000, "24xlarge", 6000).get(size);
            return value == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(value);
        }

        /** Every parameter the program sets: TLS first, then logging. */
        public List<Parameter> parameters() {
            List<Parameter> all = new java.util.ArrayList<>();
            all.add(new Parameter(tlsParameter, tlsOn, "pending-reboot"));
            all.addAll(logging);
            return List.copyOf(all);
        }

        /** What AWS calls this engine in this deployment, e.g. {@code Aurora MySQL}. */
        public String label() {
            String engine = rdsEngine.contains("mysql") ? "MySQL" : "PostgreSQL";
            return aurora() ? "Aurora " + engine : "RDS for " + engine;
        }

        /** Whether this is the Aurora flavor. */
        public boolean aurora() {
            return rdsEngine.startsWith("aurora-");
        }

        /** The parameters a stack file may set for this flavor. */
        public List<DatabaseParameter> tunable() {
            return DatabaseParameter.of(rdsEngine);
        }

        /**
         * The parameter groups' contents with the stack file's {@code overrides} merged in: the
         * program's own parameters first, in their order, a stack-file value replacing the program's
         * (never the TLS parameter's, which the settings rules keep on), then the other overrides by
         * name. An Aurora cluster's instance-level parameters go to the instances' group.
         *
         * @param overrides parameter name to value, already checked against {@link #tunable()}
         */
        public ParameterGroups groups(java.util.Map<String, String> overrides) {
            List<Parameter> main = new java.util.ArrayList<>();
            List<Parameter> instances = new java.util.ArrayList<>();
            java.util.Set<String> own = new java.util.HashSet<>();
            for (Parameter p : parameters()) {
                own.add(p.name());
                String value = overrides.get(p.name());
                main.add(value == null || p.name().equals(tlsParameter) ? p
                        : new Parameter(p.name(), known(p.name()).value().accept(value), known(p.name()).applyMethod()));
            }
            for (String name : new java.util.TreeSet<>(overrides.keySet())) {
                if (own.contains(name)) {
                    continue;
                }
                DatabaseParameter known = known(name);
                Parameter p = new Parameter(name, known.value().accept(overrides.get(name)), known.applyMethod());
                (aurora() && known.level() == DatabaseParameter.Level.INSTANCE ? instances : main).add(p);
            }
            return new ParameterGroups(List.copyOf(main), List.copyOf(instances));
        }

        private DatabaseParameter known(String name) {
            return tunable().stream().filter(k -> k.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " is not a parameter of " + label()));
        }

        /** The parameter-group family for {@code version}, e.g. {@code postgres16} or {@code aurora-mysql8.0}. */
        public String family(String version) {
            String[] parts = version.split("\\.");
            boolean mysql = rdsEngine.contains("mysql");
            return familyPrefix + (mysql && parts.length > 1 ? parts[0] + "." + parts[1] : parts[0]);
        }
    }

    private final int port;
    private final Flavor instance;
    private final Flavor aurora;

    DatabaseEngine(int port, Flavor instance, Flavor aurora) {
        this.port = port;
        this.instance = instance;
        this.aurora = aurora;
    }

    public int port() {
        return port;
    }

    /** This engine as {@code deployment} runs it. */
    public Flavor in(DatabaseDeployment deployment) {
        return deployment instanceof DatabaseDeployment.Aurora ? aurora : instance;
    }
}
