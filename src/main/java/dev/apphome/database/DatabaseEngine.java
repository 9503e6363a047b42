package dev.apphome.database;

import java.util.List;

/**
 * The database engine, with what differs per engine and per deployment written as data: RDS's
 * engine name, the parameter-group family, the parameter that forces TLS and the value that turns
 * it on, the logs RDS can export, and the version used when the stack file names none.
 */
public enum DatabaseEngine {
    POSTGRES(5432,
            new Flavor("postgres", "postgres", "16", List.of("postgresql", "upgrade"), "rds.force_ssl", "1"),
            new Flavor("aurora-postgresql", "aurora-postgresql", "16.6", List.of("postgresql", "upgrade"),
                    "rds.force_ssl", "1")),
    MYSQL(3306,
            new Flavor("mysql", "mysql", "8.0", List.of("error", "slowquery"), "require_secure_transport", "ON"),
            new Flavor("aurora-mysql", "aurora-mysql", "8.0.mysql_aurora.3.08.0", List.of("error", "slowquery"),
                    "require_secure_transport", "ON"));

    /**
     * One engine in one deployment, as RDS names and configures it.
     *
     * @param rdsEngine      RDS's engine name, e.g. {@code aurora-postgresql}
     * @param familyPrefix   the parameter-group family before the major version, e.g. {@code postgres}
     * @param defaultVersion the version used when the stack file sets none
     * @param logExports     the CloudWatch log exports RDS offers
     * @param tlsParameter   the parameter that refuses connections without TLS
     * @param tlsOn          its value that turns that on
     */
    public record Flavor(String rdsEngine, String familyPrefix, String defaultVersion, List<String> logExports,
                         String tlsParameter, String tlsOn) {

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
