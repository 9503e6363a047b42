package dev.apphome.cost;

import java.math.BigDecimal;

/** SQS queues, SNS topics, MSK clusters and EventBridge Scheduler. */
final class MessagingCosts {

    private MessagingCosts() {
    }

    static void register(Catalog c) {
        c.priced("aws:sqs/queue:Queue", MessagingCosts::queue, "requestsMillion", "million requests a month (64 KB chunks)");
        c.priced("aws:sns/topic:Topic", MessagingCosts::topic, "publishesMillion", "million publishes a month");
        c.priced("aws:msk/cluster:Cluster", MessagingCosts::kafka);
        c.free("aws:msk/configuration:Configuration", "a configuration of brokers, which are priced");
        c.unpriced("aws:msk/serverlessCluster:ServerlessCluster",
                "MSK Serverless is billed per cluster-hour, partition-hour and GB; the price table has no prices for it");
        c.unpriced("aws:scheduler/schedule:Schedule",
                "EventBridge Scheduler bills invocations; the price table has no Scheduler prices");
        c.free("aws:scheduler/scheduleGroup:ScheduleGroup", "a group of schedules; no charge");
        for (String type : java.util.List.of("aws:sqs/queuePolicy:QueuePolicy", "aws:sqs/redrivePolicy:RedrivePolicy",
                "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy", "aws:sns/topicPolicy:TopicPolicy")) {
            c.free(type, "a policy; no charge");
        }
        c.free("aws:sns/topicSubscription:TopicSubscription",
                "deliveries are billed per notification on the topic side (SQS and Lambda deliveries are free; email and HTTP deliveries are not estimated)");
    }

    static Outcome queue(Resource r, Pricing p) {
        boolean fifo = r.in().bool("fifoQueue", false);
        return Outcome.lines(p.usage(r, fifo ? "FIFO requests" : "standard requests", "million requests",
                fifo ? "sqs.fifoMillion" : "sqs.standardMillion", "requestsMillion"));
    }

    static Outcome topic(Resource r, Pricing p) {
        if (r.in().bool("fifoTopic", false)) {
            return new Outcome.Unpriced("a FIFO topic: the price table has only standard topic prices");
        }
        return Outcome.lines(p.usage(r, "publishes", "million publishes", "sns.publishMillion", "publishesMillion"));
    }

    static Outcome kafka(Resource r, Pricing p) {
        Props in = r.in();
        String instanceType = in.string("brokerNodeGroupInfo.instanceType");
        BigDecimal brokers = in.number("numberOfBrokerNodes");
        String ebs = "brokerNodeGroupInfo.storageInfo.ebsStorageInfo";
        if (in.bool(ebs + ".provisionedThroughput.enabled", false)) {
            return new Outcome.Unpriced("provisioned storage throughput: the price table has no price for it");
        }
        BigDecimal volume = in.number(ebs + ".volumeSize", null);
        if (volume == null) {
            throw new Unpriceable("the broker storage size (" + ebs + ".volumeSize) is not set");
        }
        return Outcome.lines(
                p.hourly(ComputeCosts.plain(brokers) + " × " + instanceType + " brokers", brokers, "broker-hours", "msk." + instanceType),
                p.monthly("broker storage: " + ComputeCosts.plain(brokers) + " × " + ComputeCosts.plain(volume) + " GB",
                        brokers.multiply(volume), "GB-months", "msk.storage.gbMonth"));
    }
}
