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

    /** An alarm: on one metric, or on an expression over several. */
    public sealed interface Alarm permits AlarmSpec, MathAlarm {
        String label();

        String description();
    }

    /**
     * One alarm on one metric, as the stack describes it.
     *
     * @param actions what the alarm does besides notifying the topic, e.g. EC2's recover action
     *                ({@code arn:aws:automate:<region>:ec2:recover}); none for most alarms
     */
    public record AlarmSpec(String label, String description, String namespace, String metric,
                            Map<String, Output<String>> dimensions, String statistic, String comparison,
                            double threshold, int periodSeconds, int evaluationPeriods, String missingData,
                            List<String> actions)
            implements Alarm {
        public AlarmSpec {
            dimensions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(dimensions));
            actions = List.copyOf(actions);
        }

        /** An alarm that only notifies the topic. */
        public AlarmSpec(String label, String description, String namespace, String metric,
                         Map<String, Output<String>> dimensions, String statistic, String comparison,
                         double threshold, int periodSeconds, int evaluationPeriods, String missingData) {
            this(label, description, namespace, metric, dimensions, statistic, comparison, threshold, periodSeconds,
                    evaluationPeriods, missingData, List.of());
        }
    }

    /** A metric an expression reads, under an id the expression names. */
    public record Input(String id, String namespace, String metric, Map<String, Output<String>> dimensions,
                        String statistic) {
        public Input {
            dimensions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(dimensions));
        }
    }

    /** An alarm on a metric-math expression over several metrics, e.g. {@code MAX([n1, n2])} over a group's nodes. */
    public record MathAlarm(String label, String description, List<Input> inputs, String expression, String comparison,
                            double threshold, int periodSeconds, int evaluationPeriods, String missingData)
            implements Alarm {
        public MathAlarm {
            inputs = List.copyOf(inputs);
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

    /** An alarm that notifies the topic, and a dashboard widget for it. */
    public void alarm(Alarm alarm) {
        if (alarm instanceof AlarmSpec spec) {
            single(spec);
        } else {
            math((MathAlarm) alarm);
        }
    }

    private void math(MathAlarm spec) {
        List<MetricAlarmMetricQueryArgs> queries = new ArrayList<>();
        List<Object> metrics = new ArrayList<>();
        metrics.add(List.of(Map.of("expression", spec.expression(), "label", spec.description(), "id", "e1")));
        for (Input input : spec.inputs()) {
            queries.add(MetricAlarmMetricQueryArgs.builder()
                    .id(input.id())
                    .metric(MetricAlarmMetricQueryMetricArgs.builder()
                            .namespace(input.namespace()).metricName(input.metric()).dimensions(resolved(input.dimensions()))
                            .stat(input.statistic()).period(spec.periodSeconds()).build())
                    .returnData(false)
                    .build());
            List<Object> metric = new ArrayList<>(List.of(input.namespace(), input.metric()));
            input.dimensions().forEach((k, v) -> {
                metric.add(k);
                metric.add(v);
            });
            metric.add(Map.of("id", input.id(), "stat", input.statistic(), "visible", false));
            metrics.add(metric);
        }
        queries.add(MetricAlarmMetricQueryArgs.builder()
                .id("e1").expression(spec.expression()).label(spec.description()).returnData(true).build());
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
        widget(spec.description(), metrics, spec.periodSeconds(), spec.threshold());
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

    private void single(AlarmSpec spec) {
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
                // The topic first, then any action of the alarm's own; returning to OK only notifies.
                .alarmActions(topic.arn().applyValue(arn -> {
                    List<String> actions = new ArrayList<>(List.of(arn));
                    actions.addAll(spec.actions());
                    return actions;
                }))
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
        widget(spec.description(), List.of(metric), spec.periodSeconds(), spec.threshold());
    }

    private void widget(String title, List<Object> metrics, int period, double threshold) {
        widgets.add(Map.of(
                "type", "metric",
                "width", 8,
                "height", 6,
                "properties", Map.of(
                        "title", title,
                        "region", aws.region(),
                        "metrics", metrics,
                        "period", period,
                        "annotations", Map.of("horizontal", List.of(Map.of("value", threshold, "label", "alarm"))))));
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
