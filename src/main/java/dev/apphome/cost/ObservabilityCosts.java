package dev.apphome.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** CloudWatch alarms, dashboards and log groups, CloudTrail trails and AWS Budgets. */
final class ObservabilityCosts {

    static final String TRAIL = "aws:cloudtrail/trail:Trail";
    static final String BUDGET = "aws:budgets/budget:Budget";

    private ObservabilityCosts() {
    }

    static void register(Catalog c) {
        c.priced("aws:cloudwatch/metricAlarm:MetricAlarm", ObservabilityCosts::alarm);
        c.unpriced("aws:cloudwatch/compositeAlarm:CompositeAlarm", "the price table has no composite-alarm price");
        c.priced("aws:cloudwatch/dashboard:Dashboard",
                (r, p) -> Outcome.lines(p.monthly("dashboard", BigDecimal.ONE, "dashboards", "cloudwatch.dashboardMonth")));
        c.priced("aws:cloudwatch/logGroup:LogGroup", ObservabilityCosts::logGroup,
                "ingestedGb", "GB of log events ingested a month",
                "storedGb", "GB kept in the log group (archived, after compression)");
        c.free("aws:cloudwatch/logStream:LogStream", "billed as part of its log group");
        c.free("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "a policy; no charge");
        c.unpriced("aws:cloudwatch/logDelivery:LogDelivery",
                "vended logs (CloudFront, load balancer access logs and the like) are billed per GB delivered; the price table has no price for them");
        c.free("aws:cloudwatch/logDeliverySource:LogDeliverySource", "a setting of its log delivery");
        c.free("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "a setting of its log delivery");
        c.unpriced("aws:xray/samplingRule:SamplingRule",
                "X-Ray bills the traces the rule records and reads; the price table has no X-Ray prices");
        c.priced(TRAIL, ObservabilityCosts::trail,
                "managementEvents100k", "hundred-thousands of management events an additional trail delivers a month",
                "dataEventsMillion", "million data events a trail delivers a month");
        c.priced(BUDGET, ObservabilityCosts::budget);
    }

    /**
     * A standard-resolution alarm costs one alarm-metric a month; a metric-math alarm one per metric
     * it reads (its expressions are free).
     */
    static Outcome alarm(Resource r, Pricing p) {
        Props in = r.in();
        if (in.has("thresholdMetricId")) {
            return new Outcome.Unpriced("an anomaly-detection alarm: the price table has no price for its band metrics");
        }
        List<Props> queries = in.objects("metricQueries");
        int metrics = 0;
        boolean highResolution = false;
        if (queries.isEmpty()) {
            metrics = 1;
            highResolution = in.number("period", BigDecimal.valueOf(60)).compareTo(BigDecimal.valueOf(60)) < 0;
        } else {
            for (Props query : queries) {
                if (query.has("metric")) {
                    metrics++;
                    highResolution |= query.number("metric.period", BigDecimal.valueOf(60)).compareTo(BigDecimal.valueOf(60)) < 0;
                }
            }
            if (metrics == 0) {
                return new Outcome.Unpriced("an alarm on a Metrics Insights query is billed per metric the query reads, which the document does not say");
            }
        }
        if (highResolution) {
            return new Outcome.Unpriced("a high-resolution alarm (period under 60 s): the price table has only standard-resolution alarm prices");
        }
        return Outcome.lines(p.monthly(metrics == 1 ? "standard-resolution alarm" : "standard-resolution alarm on " + metrics + " metrics",
                BigDecimal.valueOf(metrics), "alarm metrics", "cloudwatch.alarmMonth"));
    }

    static Outcome logGroup(Resource r, Pricing p) {
        String logClass = r.in().string("logGroupClass", "STANDARD");
        if (!logClass.equals("STANDARD")) {
            return new Outcome.Unpriced("the " + logClass + " log class: the price table has only Standard log prices");
        }
        return Outcome.lines(
                p.usage(r, "log ingestion", "GB", "logs.ingestGb", "ingestedGb"),
                p.usage(r, "log storage", "GB-months", "logs.storageGbMonth", "storedGb"));
    }

    /** The first trail's copy of management events is free; the plan's first trail is taken to be the account's. */
    static Outcome trail(Resource r, Pricing p) {
        Props in = r.in();
        if (!in.objects("insightSelectors").isEmpty()) {
            return new Outcome.Unpriced("CloudTrail Insights: the price table has no price for it");
        }
        List<Resource> trails = p.ofType(TRAIL);
        boolean first = !trails.isEmpty() && trails.get(0).urn().equals(r.urn());
        List<Line> lines = new ArrayList<>();
        if (!first) {
            lines.add(p.usage(r, "management events, an additional copy", "100,000 events", "cloudtrail.additionalMgmtEvents100k",
                    "managementEvents100k"));
        }
        boolean dataEvents = !in.objects("advancedEventSelectors").isEmpty()
                || in.objects("eventSelectors").stream().anyMatch(s -> !s.objects("dataResources").isEmpty());
        if (dataEvents) {
            lines.add(p.usage(r, "data events", "million events", "cloudtrail.dataEventsMillion", "dataEventsMillion"));
        }
        if (lines.isEmpty()) {
            return Outcome.free("the first trail's copy of management events is free (taking it to be the account's first trail)");
        }
        return Outcome.lines(lines);
    }

    /** The first budgets of the plan are taken to be the account's free ones; each further one is billed per day. */
    static Outcome budget(Resource r, Pricing p) {
        int free = p.rate("budgets.freeBudgets", "the number of free budgets").price().intValue();
        List<Resource> budgets = p.ofType(BUDGET);
        int index = budgets.stream().map(Resource::urn).toList().indexOf(r.urn());
        if (index < free) {
            return Outcome.free("one of the " + free + " free budgets of an account (taking the account to have no others)");
        }
        BigDecimal days = p.hours().divide(BigDecimal.valueOf(24), MathContext.DECIMAL64);
        return Outcome.lines(p.monthly("budget beyond the " + free + " free ones", Line.exact(days), "budget-days", "budgets.budgetDay"));
    }
}
