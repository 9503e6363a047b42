package dev.apphome.database;

/**
 * The stack's relational database.
 *
 * @param engine                postgres or mysql
 * @param deployment            instance or aurora; default instance
 * @param engineVersion         engine version, e.g. {@code 16} or {@code 16.6}; default 16 (postgres) / 8.0 (mysql)
 * @param instanceClass         DB instance class, e.g. {@code db.t4g.micro}
 * @param allocatedStorageGb    initial storage in GiB (instance only); default 20
 * @param maxAllocatedStorageGb storage autoscaling ceiling in GiB (instance only); default 100
 * @param readers               Aurora readers besides the writer; default 0
 * @param multiAz               a standby (instance) or a reader in another AZ (aurora); default false
 * @param backupRetentionDays   days of automated backups, 1 to 35; default 7
 * @param deletionProtection    whether AWS refuses to delete the database; default true
 * @param skipFinalSnapshot     whether deleting skips the final snapshot; default false
 * @param performanceInsights   whether Performance Insights is on; default false
 * @param databaseName          name of the database created inside; default {@code app}
 */
public record DatabaseArgs(
        DatabaseEngine engine,
        DatabaseDeployment deployment,
        String engineVersion,
        String instanceClass,
        int allocatedStorageGb,
        int maxAllocatedStorageGb,
        int readers,
        boolean multiAz,
        int backupRetentionDays,
        boolean deletionProtection,
        boolean skipFinalSnapshot,
        boolean performanceInsights,
        String databaseName) {

    /** Major version, e.g. 16 from 16.6 or 8.0 from 8.0.39. */
    public String majorVersion() {
        String[] parts = engineVersion.split("\\.");
        return engine == DatabaseEngine.MYSQL && parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
    }

    /** The RDS parameter group family, e.g. {@code postgres16} or {@code aurora-mysql8.0}. */
    public String parameterGroupFamily() {
        String prefix = deployment == DatabaseDeployment.AURORA ? "aurora-" : "";
        String engineName = engine == DatabaseEngine.POSTGRES ? "postgresql" : "mysql";
        if (deployment == DatabaseDeployment.INSTANCE) {
            engineName = engine == DatabaseEngine.POSTGRES ? "postgres" : "mysql";
        }
        return prefix + engineName + majorVersion();
    }

    /** The RDS engine name, e.g. {@code aurora-postgresql}. */
    public String rdsEngine() {
        if (deployment == DatabaseDeployment.AURORA) {
            return engine == DatabaseEngine.POSTGRES ? "aurora-postgresql" : "aurora-mysql";
        }
        return engine == DatabaseEngine.POSTGRES ? "postgres" : "mysql";
    }
}
