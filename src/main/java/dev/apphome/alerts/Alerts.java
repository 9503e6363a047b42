package dev.apphome.alerts;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Json;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert topic (encrypted with the stack's key, TLS-only, publishable by CloudWatch alarms of
 * this account), its email subscriptions, the alarms that notify it, and a dashboard of the same
 * metrics. Each alarm also notifies when it returns to OK.
 */
public final class Alerts extends ComponentResource {

    /**
     * One alarm, as the stack describes it.
     *
     * @param across when set, the alarm watches the sum of the metric over these values of one more
     *               dimension instead of the metric itself (metric math): for metrics AWS publishes
     *               only per value, such as DynamoDB's SystemErrors per Operation
     */
    public record AlarmSpec(String label, String description, String namespace, String metric,
                            Map<String, Output<String>> dimensions, String statistic, String comparison,
                            double threshold, int periodSeconds, int evaluationPeriods, String missingData,
                            Across across) {
        public AlarmSpec {
            dimensions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(dimensions));
        }

        /** An alarm on the metric itself. */
        public AlarmSpec(String label, String description, String namespace, String metric,
                         Map<String, Output<String>> dimensions, String statistic, String comparison,
                         double threshold, int periodSeconds, int evaluationPeriods, String missingData) {
            this(label, description, namespace, metric, dimensions, statistic, comparison, threshold, periodSeconds,
                    evaluationPeriods, missingData, null);
        }
    }

    /**
     * The values of one dimension a metric is summed over, e.g. {@code Operation}: GetItem, PutItem, ….
     * CloudWatch allows at most 10 metrics in an alarm's metric math.
     */
    public record Across(String dimension, List<String> values) {
        public Across {
            values = List.copyOf(values);
            if (values.isEmpty() || values.size() > 10) {
                throw new IllegalArgumentException("an alarm sums 1 to 10 metrics, not " + values.size());
            }
        }
    }

    private final String name;
    private final Topic topic;
    private final CustomResourceOptions child;
    private final List<Map<String, Object>> widgets = new ArrayList<>();
    private final AwsContext aws;

    public Alerts(String name, AlertSettings args, AwsContext aws, Output<String> keyArn, Protection protection,
                  ComponentResourceOptions options) {
        super("apphome:alerts:Alerts", name, options);
        this.name = name;
        this.aws = aws;
        this.child = protection.child(this);
        this.topic = new Topic(Naming.child(name, "topic"), TopicArgs.builder()
                .displayName("Alerts of " + name)
                .kmsMasterKeyId(keyArn)
                .build(), child);
        new TopicPolicy(Naming.child(name, "topic-policy"), TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(PolicyDocument.of(List.of(
                        PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                                        PolicyDocument.allow("CloudWatchAlarmsPublish", List.of("sns:Publish"),
                                                List.of(topic.arn())),
                                        "Service", "cloudwatch.amazonaws.com"),
                                Map.of("StringEquals", Map.of("aws:SourceAccount", aws.accountId()))),
                        PolicyDocument.denyInsecureTransport(List.of(topic.arn()), "sns:Publish"))))
                .build(), child);
        for (int i = 0; i < args.emails().size(); i++) {
            new TopicSubscription(Naming.child(name, "email-" + (i + 1)), TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(args.emails().get(i))
                    .build(), child);
        }
    }

    /** An alarm on one metric (or a sum of metrics) that notifies the topic, and a dashboard widget for it. */
    public void alarm(AlarmSpec spec) {
        if (spec.across() != null) {
            summedAlarm(spec);
            return;
        }
        var alarm = MetricAlarmArgs.builder()
                .alarmDescription(spec.description())
                .namespace(spec.namespace())
                .metricName(spec.metric())
                .dimensions(resolved(spec.dimensions()))
                .comparisonOperator(spec.comparison())
                .threshold(spec.threshold())
                .period(spec.periodSeconds())
                .evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.evaluationPeriods())
                .treatMissingData(spec.missingData())
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of));
        if (spec.statistic().startsWith("p")) {
            alarm.extendedStatistic(spec.statistic());
        } else {
            alarm.statistic(spec.statistic());
        }
        new MetricAlarm(Naming.child(name, spec.label()), alarm.build(), child);

        List<Object> metric = new ArrayList<>(List.of(spec.namespace(), spec.metric()));
        spec.dimensions().forEach((k, v) -> {
            metric.add(k);
            metric.add(v);
        });
        metric.add(Map.of("stat", spec.statistic()));
        widget(spec, List.of(metric));
    }

    private void widget(AlarmSpec spec, List<Object> metrics) {
        widgets.add(Map.of(
                "type", "metric",
                "width", 8,
                "height", 6,
                "properties", Map.of(
                        "title", spec.description(),
                        "region", aws.region(),
                        "metrics", metrics,
                        "period", spec.periodSeconds(),
                        "annotations", Map.of("horizontal", List.of(Map.of("value", spec.threshold(), "label", "alarm"))))));
    }

    /** The alarm on {@code SUM(METRICS())} of the metric for each value of {@code spec.across()}. */
    private void summedAlarm(AlarmSpec spec) {
        List<MetricAlarmMetricQueryArgs> queries = new ArrayList<>();
        List<Object> widgetMetrics = new ArrayList<>();
        List<String> values = spec.across().values();
        for (int i = 0; i < values.size(); i++) {
            Map<String, Output<String>> dimensions = new java.util.TreeMap<>(spec.dimensions());
            dimensions.put(spec.across().dimension(), Output.of(values.get(i)));
            queries.add(MetricAlarmMetricQueryArgs.builder()
                    .id("m" + (i + 1))
                    .returnData(false)
                    .metric(MetricAlarmMetricQueryMetricArgs.builder()
                            .namespace(spec.namespace())
                            .metricName(spec.metric())
                            .dimensions(resolved(dimensions))
                            .period(spec.periodSeconds())
                            .stat(spec.statistic())
                            .build())
                    .build());
            List<Object> metric = new ArrayList<>(List.of(spec.namespace(), spec.metric()));
            dimensions.forEach((k, v) -> {
                metric.add(k);
                metric.add(v);
            });
            metric.add(Map.of("stat", spec.statistic()));
            widgetMetrics.add(metric);
        }
        queries.add(MetricAlarmMetricQueryArgs.builder()
                .id("total")
                .expression("SUM(METRICS())")
                .label(spec.metric() + " summed over " + spec.across().dimension())
                .returnData(true)
                .build());
        new MetricAlarm(Naming.child(name, spec.label()), MetricAlarmArgs.builder()
                .alarmDescription(spec.description())
                .metricQueries(queries)
                .comparisonOperator(spec.comparison())
                .threshold(spec.threshold())
                .evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.evaluationPeriods())
                .treatMissingData(spec.missingData())
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of))
                .build(), child);
        widget(spec, widgetMetrics);
    }

    private static Output<Map<String, String>> resolved(Map<String, Output<String>> dimensions) {
        return Output.all(dimensions.values().stream().toList()).applyValue(values -> {
            Map<String, String> resolved = new LinkedHashMap<>();
            List<String> keys = List.copyOf(dimensions.keySet());
            for (int i = 0; i < keys.size(); i++) {
                resolved.put(keys.get(i), values.get(i));
            }
            return resolved;
        });
    }

    /** One dashboard with a widget per alarm; call once every alarm is declared. */
    public void publishDashboard() {
        new Dashboard(Naming.child(name, "dashboard"), DashboardArgs.builder()
                .dashboardName(name)
                .dashboardBody(Json.render(Map.of("widgets", List.copyOf(widgets))))
                .build(), child);
        registerOutputs(Map.of("topicArn", topic.arn()));
    }

    public Output<String> topicArn() {
        return topic.arn();
    }
}
