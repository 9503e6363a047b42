package dev.apphome.alerts;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/** The alarms every service gets, with thresholds from the stack file's {@code alerts}; stores bring their own. */
public final class StandardAlarms {

    private StandardAlarms() {
    }

    /**
     * Load balancer: target 5xx responses, p95 and p99 response time, unhealthy targets of one
     * service, and, when the stack asks, the share of its requests answered with errors.
     */
    public static List<Alerts.Alarm> webService(String service, Output<String> loadBalancer, Output<String> targetGroup,
                                                AlertSettings t) {
        Map<String, Output<String>> dimensions = Map.of("LoadBalancer", loadBalancer, "TargetGroup", targetGroup);
        int minutes = t.evaluationPeriods(AlertSettings.Family.WEB);
        int period = t.periodSeconds(AlertSettings.Family.WEB);
        List<Alerts.Alarm> alarms = new java.util.ArrayList<>(List.of(
                // The threshold is per minute: over a longer period, the sum is compared with as many minutes' worth.
                new Alerts.AlarmSpec(service + "-5xx", service + ": target 5xx responses > " + t.target5xxPerMinute() + "/min",
                        "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions, "Sum",
                        "GreaterThanThreshold", t.target5xxPerMinute() * period / 60.0, period, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-p95", service + ": p95 response time > " + t.p95LatencyMs() + " ms",
                        "AWS/ApplicationELB", "TargetResponseTime", dimensions, "p95",
                        "GreaterThanThreshold", t.p95LatencyMs() / 1000.0, period, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-p99", service + ": p99 response time > " + t.p99LatencyMs() + " ms",
                        "AWS/ApplicationELB", "TargetResponseTime", dimensions, "p99",
                        "GreaterThanThreshold", t.p99LatencyMs() / 1000.0, period, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-unhealthy", service + ": unhealthy targets",
                        "AWS/ApplicationELB", "UnHealthyHostCount", dimensions, "Maximum",
                        "GreaterThanOrEqualToThreshold", 1, period, minutes, "notBreaching")));
        if (t.errorRatePercent() != null) {
            alarms.add(errorRate(service, dimensions, t, period, minutes));
        }
        return List.copyOf(alarms);
    }

    /** The share of requests answered with 5xx (and 4xx, when asked) errors, as a percentage. */
    private static Alerts.MathAlarm errorRate(String service, Map<String, Output<String>> dimensions, AlertSettings t,
                                              int period, int periods) {
        List<Alerts.Input> inputs = new java.util.ArrayList<>(List.of(
                new Alerts.Input("requests", "AWS/ApplicationELB", "RequestCount", dimensions, "Sum"),
                new Alerts.Input("server", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions, "Sum")));
        String errors = "FILL(server, 0)";
        if (t.errorRateIncludes4xx()) {
            inputs.add(new Alerts.Input("client", "AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", dimensions, "Sum"));
            errors += " + FILL(client, 0)";
        }
        // No requests is no error rate at all, rather than a division by zero.
        return new Alerts.MathAlarm(service + "-error-rate", service + ": error rate > " + t.errorRatePercent() + " % of "
                + "requests" + (t.errorRateIncludes4xx() ? " (4xx and 5xx)" : ""), inputs,
                "IF(requests > 0, 100 * (" + errors + ") / requests, 0)", "GreaterThanThreshold", t.errorRatePercent(),
                period, periods, "notBreaching");
    }

    /** Any service: average CPU and memory of its tasks. */
    public static List<Alerts.Alarm> service(String service, Output<String> cluster, Output<String> serviceName,
                                             AlertSettings t) {
        Map<String, Output<String>> dimensions = Map.of("ClusterName", cluster, "ServiceName", serviceName);
        int period = t.periodSeconds(AlertSettings.Family.SERVICE);
        int periods = t.evaluationPeriods(AlertSettings.Family.SERVICE);
        return List.of(
                new Alerts.AlarmSpec(service + "-cpu", service + ": CPU > " + t.serviceCpuPercent() + " %",
                        "AWS/ECS", "CPUUtilization", dimensions, "Average", "GreaterThanThreshold",
                        t.serviceCpuPercent(), period, periods, "missing"),
                new Alerts.AlarmSpec(service + "-memory", service + ": memory > " + t.serviceMemoryPercent() + " %",
                        "AWS/ECS", "MemoryUtilization", dimensions, "Average", "GreaterThanThreshold",
                        t.serviceMemoryPercent(), period, periods, "missing"));
    }
}
