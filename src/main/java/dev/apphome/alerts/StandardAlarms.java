package dev.apphome.alerts;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/** The alarms every service gets, with thresholds from the stack file's {@code alerts}; stores bring their own. */
public final class StandardAlarms {

    private StandardAlarms() {
    }

    /** Load balancer: target 5xx responses, p95 and p99 response time, unhealthy targets of one service. */
    public static List<Alerts.AlarmSpec> webService(String service, Output<String> loadBalancer, Output<String> targetGroup,
                                                    AlertSettings t) {
        Map<String, Output<String>> dimensions = Map.of("LoadBalancer", loadBalancer, "TargetGroup", targetGroup);
        int minutes = t.evaluationMinutes();
        return List.of(
                new Alerts.AlarmSpec(service + "-5xx", service + ": target 5xx responses > " + t.target5xxPerMinute() + "/min",
                        "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions, "Sum",
                        "GreaterThanThreshold", t.target5xxPerMinute(), 60, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-p95", service + ": p95 response time > " + t.p95LatencyMs() + " ms",
                        "AWS/ApplicationELB", "TargetResponseTime", dimensions, "p95",
                        "GreaterThanThreshold", t.p95LatencyMs() / 1000.0, 60, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-p99", service + ": p99 response time > " + t.p99LatencyMs() + " ms",
                        "AWS/ApplicationELB", "TargetResponseTime", dimensions, "p99",
                        "GreaterThanThreshold", t.p99LatencyMs() / 1000.0, 60, minutes, "notBreaching"),
                new Alerts.AlarmSpec(service + "-unhealthy", service + ": unhealthy targets",
                        "AWS/ApplicationELB", "UnHealthyHostCount", dimensions, "Maximum",
                        "GreaterThanOrEqualToThreshold", 1, 60, minutes, "notBreaching"));
    }

    /** Any service: average CPU and memory of its tasks. */
    public static List<Alerts.AlarmSpec> service(String service, Output<String> cluster, Output<String> serviceName,
                                                 AlertSettings t) {
        Map<String, Output<String>> dimensions = Map.of("ClusterName", cluster, "ServiceName", serviceName);
        return List.of(
                new Alerts.AlarmSpec(service + "-cpu", service + ": CPU > " + t.serviceCpuPercent() + " %",
                        "AWS/ECS", "CPUUtilization", dimensions, "Average", "GreaterThanThreshold",
                        t.serviceCpuPercent(), 60, t.evaluationMinutes(), "missing"),
                new Alerts.AlarmSpec(service + "-memory", service + ": memory > " + t.serviceMemoryPercent() + " %",
                        "AWS/ECS", "MemoryUtilization", dimensions, "Average", "GreaterThanThreshold",
                        t.serviceMemoryPercent(), 60, t.evaluationMinutes(), "missing"));
    }
}
