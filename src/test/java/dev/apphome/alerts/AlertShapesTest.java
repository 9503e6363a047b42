package dev.apphome.alerts;

import com.pulumi.core.Output;
import dev.apphome.database.Database;
import dev.apphome.database.DatabaseSettings;
import dev.apphome.support.Components;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alarms written the way teams write them: "> 80 % for 2 × 5 minutes", "error rate > 1 %",
 * "connections > 80 % of max". Mocks cannot prove how CloudWatch evaluates the expressions; the
 * tests pin the expressions, periods and thresholds AWS receives.
 */
class AlertShapesTest {

    private static AlertSettings alerts(Map<String, Object> values) {
        return Components.settings(AlertSettings.class, values);
    }

    @Test
    void aFamilyWatchesTheStacksPeriodsAndTheOthersKeepOneMinuteForEvaluationMinutes() {
        var t = alerts(Map.of("evaluationMinutes", 5, "shapes", Map.of("service", Map.of("periodSeconds", 300,
                "evaluationPeriods", 2), "web", Map.of("periodSeconds", 300))));
        var service = StandardAlarms.service("api", Output.of("c"), Output.of("s"), t);
        var web = StandardAlarms.webService("api", Output.of("lb"), Output.of("tg"), t);

        assertEquals(List.of(300, 2), List.of(((Alerts.AlarmSpec) service.get(0)).periodSeconds(),
                ((Alerts.AlarmSpec) service.get(0)).evaluationPeriods()));
        // A period alone keeps the breach as long as evaluationMinutes: 5 minutes is one 300-second period.
        assertEquals(List.of(300, 1), List.of(((Alerts.AlarmSpec) web.get(0)).periodSeconds(),
                ((Alerts.AlarmSpec) web.get(0)).evaluationPeriods()));
        // 5xx per minute over a 5-minute sum.
        assertEquals(50.0, ((Alerts.AlarmSpec) web.get(0)).threshold());
        assertEquals(List.of(60, 5), List.of(t.periodSeconds(AlertSettings.Family.DATABASE),
                t.evaluationPeriods(AlertSettings.Family.DATABASE)));
    }

    @Test
    void anErrorRateIsAShareOfRequestsWithNoDivisionByZero() {
        var web = StandardAlarms.webService("api", Output.of("lb"), Output.of("tg"), alerts(Map.of("errorRatePercent", 1)));
        var rate = (Alerts.MathAlarm) web.get(web.size() - 1);

        assertEquals("api-error-rate", rate.label());
        assertEquals("IF(requests > 0, 100 * (FILL(server, 0)) / requests, 0)", rate.expression());
        assertEquals(List.of("RequestCount", "HTTPCode_Target_5XX_Count"), rate.inputs().stream().map(Alerts.Input::metric).toList());
        assertEquals(1.0, rate.threshold());
        var withClientErrors = (Alerts.MathAlarm) StandardAlarms.webService("api", Output.of("lb"), Output.of("tg"),
                alerts(Map.of("errorRatePercent", 5, "errorRateIncludes4xx", true))).get(4);
        assertEquals("IF(requests > 0, 100 * (FILL(server, 0) + FILL(client, 0)) / requests, 0)", withClientErrors.expression());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"postgres, instance, db.t4g.micro, 80, 65", "postgres, instance, db.r6g.large, 80, 1390",
            "mysql, instance, db.t4g.medium, 50, 156", "mysql, aurora, db.r6g.2xlarge, 80, 2400",
            "postgres, aurora, db.r6g.4xlarge, 80, 4000"})
    void connectionsAsAShareOfTheClassesMaximum(String engine, String deployment, String instanceClass, int percent,
                                               int threshold) {
        var settings = Components.settings(DatabaseSettings.class, Map.of("engine", engine, "deployment", deployment,
                "instanceClass", instanceClass));
        var alarms = new Object[1];
        Components.declare(s -> alarms[0] = new Database("db", settings, s.stores())
                .alarms(alerts(Map.of("databaseConnectionsPercent", percent))));

        @SuppressWarnings("unchecked") var connections = (Alerts.AlarmSpec) ((List<Alerts.Alarm>) alarms[0]).get(1);
        // RDS's defaults: PostgreSQL LEAST(DBInstanceClassMemory/9531392, 5000); MySQL DBInstanceClassMemory/12582880;
        // Aurora MySQL by class; DBInstanceClassMemory is estimated as the class's memory less 256 MiB and 2 %.
        assertEquals(threshold, (int) connections.threshold());
        assertTrue(connections.description().startsWith("Database connections > " + percent + " % of " + instanceClass),
                connections.description());
    }

    @Test
    void aShapeCloudWatchCannotTakeIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.apphome.config.InvalidSettingsException.class,
                () -> Stacks.parse(Stacks.MINIMAL + "  apphome:alerts: {shapes: {service: {periodSeconds: 45}, "
                        + "queue: {periodSeconds: 3600, evaluationPeriods: 25}}}\n"));

        assertEquals(List.of("Pulumi.test.yaml: apphome:alerts.shapes.service.periodSeconds: found 45; allowed: 10, 30, or "
                        + "a multiple of 60 (the periods CloudWatch alarms take)",
                "Pulumi.test.yaml: apphome:alerts.shapes.queue.evaluationPeriods: found 25 periods of 3600 s; allowed: a day "
                        + "at most in all (a CloudWatch alarm evaluates up to one day)"),
                e.problems().stream().map(Object::toString).toList());
    }
}
