package dev.apphome.database;

import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.Problem;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.support.Plans;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Engine parameters set by the stack file: refused unless the engine in its deployment has them with
 * that value, merged with the program's own (TLS and the slow-query log), each with its apply
 * method, and placed in the parameter group AWS documents them in. Mocks cannot prove that RDS
 * accepts a value for a family or version; the ranges are those of RDS's default parameter groups,
 * and RDS checks again when the group is written.
 */
class DatabaseParametersTest {

    private static final String PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup";
    private static final String CLUSTER_PARAMETER_GROUP = "aws:rds/clusterParameterGroup:ClusterParameterGroup";

    private static List<String> problems(String database) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL + "  apphome:database: "
                + database + "\n"));
        return e.problems().stream().map(Problem::toString).toList();
    }

    /** "name=value (applyMethod)" for every parameter of a group, in order. */
    private static List<String> parameters(PlannedResource group) {
        return Plans.list(group.input("parameters")).stream().map(Plans::map)
                .map(p -> p.get("name") + "=" + p.get("value") + " (" + p.get("applyMethod") + ")").toList();
    }

    private static PlanRunner.Result database(Map<String, Object> values) {
        var settings = Components.settings(DatabaseSettings.class, values);
        return Components.declare(s -> new Database("db", settings, s.stores()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a misspelled name|{engine: mysql, instanceClass: db.t4g.micro, parameters: {max_conections: 500}}"
                    + "|apphome:database.parameters.max_conections: unknown parameter; did you mean 'max_connections'?; "
                    + "allowed for RDS for MySQL: character_set_server, innodb_lock_wait_timeout, log_output, long_query_time, "
                    + "max_allowed_packet, max_connections, performance_schema, slow_query_log, time_zone, wait_timeout",
            "the other engine's parameter|{engine: postgres, instanceClass: db.t4g.micro, parameters: {wait_timeout: 60}}"
                    + "|apphome:database.parameters.wait_timeout: is not a parameter of RDS for PostgreSQL; allowed for RDS "
                    + "for PostgreSQL: idle_in_transaction_session_timeout, log_connections, log_disconnections, "
                    + "log_min_duration_statement, log_statement, max_connections, shared_preload_libraries, "
                    + "statement_timeout, timezone, work_mem",
            "TLS turned off on PostgreSQL|{engine: postgres, instanceClass: db.t4g.micro, parameters: {rds.force_ssl: 0}}"
                    + "|apphome:database.parameters.rds.force_ssl: found '0', which would let clients connect without TLS; "
                    + "allowed: 1 only: the program forces TLS, so leave rds.force_ssl out",
            "TLS turned off on Aurora MySQL|{engine: mysql, deployment: aurora, instanceClass: db.r6g.large, "
                    + "parameters: {require_secure_transport: 'OFF'}}|apphome:database.parameters.require_secure_transport: "
                    + "found 'OFF', which would let clients connect without TLS; allowed: ON only: the program forces TLS, "
                    + "so leave require_secure_transport out",
            "more connections than Aurora MySQL allows|{engine: mysql, deployment: aurora, instanceClass: db.r6g.large, "
                    + "parameters: {max_connections: 20000}}|apphome:database.parameters.max_connections: found '20000'; "
                    + "allowed: a whole number from 1 to 16000",
            "a negative duration|{engine: mysql, instanceClass: db.t4g.micro, parameters: {long_query_time: -1}}"
                    + "|apphome:database.parameters.long_query_time: found '-1'; allowed: a number from 0 to 31536000 (seconds)",
            "a library RDS does not offer|{engine: postgres, instanceClass: db.t4g.micro, parameters: "
                    + "{shared_preload_libraries: 'pg_stat_statements,timescaledb'}}|apphome:database.parameters."
                    + "shared_preload_libraries: found 'pg_stat_statements,timescaledb'; allowed: a comma-separated list of "
                    + "auto_explain, pg_cron, pg_hint_plan, pg_prewarm, pg_stat_statements, pgaudit, pglogical",
            "a word the parameter does not take|{engine: postgres, instanceClass: db.t4g.micro, parameters: "
                    + "{log_statement: everything}}|apphome:database.parameters.log_statement: found 'everything'; allowed: "
                    + "none, ddl, mod, all",
            "a log output the exports cannot read|{engine: mysql, instanceClass: db.t4g.micro, parameters: "
                    + "{log_output: TABLE}}|apphome:database.parameters.log_output: found 'TABLE'; allowed: FILE"})
    void aParameterRdsWouldRefuseIsRefusedWithItsKeyAndWhatIsAllowed(String what, String database, String problem) {
        assertEquals(List.of("Pulumi.test.yaml: " + problem), problems(database));
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        assertEquals(2, problems("{engine: postgres, instanceClass: db.t4g.micro, parameters: {work_mem: 1, "
                + "statement_timeout: soon}}").size());
    }

    @Test
    void onAnInstanceEveryParameterJoinsTheProgramsAfterTlsWithItsApplyMethod() {
        var plan = database(Map.of("engine", "postgres", "instanceClass", "db.t4g.micro", "parameters", Map.of(
                "max_connections", 500, "log_min_duration_statement", 1000,
                "shared_preload_libraries", "pg_stat_statements, auto_explain", "log_connections", true)));
        var group = plan.ofType(PARAMETER_GROUP).get(0);

        // Static parameters (max_connections, shared_preload_libraries) wait for a reboot; RDS refuses "immediate" for them.
        assertEquals(List.of("rds.force_ssl=1 (pending-reboot)", "log_connections=1 (immediate)",
                "log_min_duration_statement=1000 (immediate)", "max_connections=500 (pending-reboot)",
                "shared_preload_libraries=pg_stat_statements,auto_explain (pending-reboot)"), parameters(group));
        // RDS cannot change a group's description: a new one would replace the group.
        assertEquals("TLS-only connections for db", group.inputString("description"));
        assertEquals(1, plan.ofType(PARAMETER_GROUP).size());
    }

    @Test
    void aStackFileValueReplacesTheProgramsButTlsStaysOn() {
        var plan = database(Map.of("engine", "mysql", "instanceClass", "db.t4g.micro", "parameters", Map.of(
                "long_query_time", 0.5, "slow_query_log", 0, "require_secure_transport", 1)));

        assertEquals(List.of("require_secure_transport=1 (pending-reboot)", "slow_query_log=0 (immediate)",
                "long_query_time=0.5 (immediate)", "log_output=FILE (immediate)"),
                parameters(plan.ofType(PARAMETER_GROUP).get(0)));
    }

    @Test
    void auroraMysqlKeepsClusterParametersInTheClusterGroupAndInstanceOnesInAGroupEveryInstanceUses() {
        var plan = database(Map.of("engine", "mysql", "deployment", "aurora", "instanceClass", "db.r6g.large",
                "readers", 1, "parameters", Map.of("max_connections", 2000, "wait_timeout", 600,
                        "time_zone", "Europe/Berlin", "character_set_server", "utf8mb4", "long_query_time", 1)));
        var cluster = plan.ofType(CLUSTER_PARAMETER_GROUP).get(0);
        var instances = plan.named(PARAMETER_GROUP, "db-instance-params");

        assertEquals(List.of("require_secure_transport=ON (pending-reboot)", "slow_query_log=1 (immediate)",
                "long_query_time=1 (immediate)", "log_output=FILE (immediate)", "character_set_server=utf8mb4 (immediate)",
                "time_zone=Europe/Berlin (immediate)"), parameters(cluster));
        assertEquals("TLS-only connections for db", cluster.inputString("description"));
        assertEquals(List.of("max_connections=2000 (immediate)", "wait_timeout=600 (immediate)"), parameters(instances));
        assertEquals("aurora-mysql8.0", instances.inputString("family"));
        assertEquals("Instance parameters for db", instances.inputString("description"));
        assertEquals(List.of("db-instance-params", "db-instance-params"), plan.ofType("aws:rds/clusterInstance:ClusterInstance")
                .stream().map(i -> Plans.source(plan, i, "dbParameterGroupName").name()).toList());
    }

    @Test
    void auroraPostgresHoldsEveryParameterInTheClusterGroup() {
        var plan = database(Map.of("engine", "postgres", "deployment", "aurora", "instanceClass", "db.r6g.large",
                "parameters", Map.of("max_connections", 1000, "work_mem", 8192)));

        assertEquals(List.of("rds.force_ssl=1 (pending-reboot)", "max_connections=1000 (pending-reboot)",
                "work_mem=8192 (immediate)"), parameters(plan.ofType(CLUSTER_PARAMETER_GROUP).get(0)));
        assertEquals(List.of(), plan.ofType(PARAMETER_GROUP));
    }

    @Test
    void withoutInstanceLevelParametersAuroraInstancesKeepTheDefaultGroup() {
        var plan = database(Map.of("engine", "mysql", "deployment", "aurora", "instanceClass", "db.r6g.large",
                "parameters", Map.of("time_zone", "UTC")));

        assertEquals(List.of(), plan.ofType(PARAMETER_GROUP));
        assertNull(plan.ofType("aws:rds/clusterInstance:ClusterInstance").get(0).input("dbParameterGroupName"));
    }
}
