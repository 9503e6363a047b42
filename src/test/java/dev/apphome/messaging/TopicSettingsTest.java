package dev.apphome.messaging;

import dev.apphome.Stores;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.Problem;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Topics as a stack file writes them; each mistake is refused with its key, what was found and what is allowed. */
class TopicSettingsTest {

    private static final String QUEUES = "  apphome:queues:\n    billing: {}\n    audit: {}\n";

    private static List<String> problems(String yaml) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL + yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aSubscriptionDefaultsToRawDeliveryOfEveryMessage() {
        var topic = Stacks.parse(Stacks.MINIMAL + QUEUES + "  apphome:topics:\n    orders:\n      subscriptions:\n"
                + "        - queue: billing\n        - {queue: audit, filterPolicy: {order: {total: [{numeric: ['>', 100]}]}}, "
                + "filterPolicyScope: messageBody}\n").named(Stores.TOPICS).get("orders");

        assertEquals(new Subscription("billing", true, Map.of(), FilterScope.MESSAGE_ATTRIBUTES), topic.subscriptions().get(0));
        assertEquals(Map.of("order", Map.of("total", List.of(Map.of("numeric", List.of(">", 100L))))),
                topic.subscriptions().get(1).filterPolicy());
    }

    @Test
    void aSubscriptionMustNameADeclaredQueue() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:topics.orders.subscriptions[1].queue: names queue 'biling', which "
                        + "apphome:queues does not declare; did you mean 'billing'?; declared: billing, audit"),
                problems(QUEUES + "  apphome:topics:\n    orders: {subscriptions: [{queue: audit}, {queue: biling}]}\n"));
    }

    @Test
    void aQueueIsSubscribedOncePerTopic() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:topics.orders.subscriptions[1].queue: names queue 'billing' a "
                        + "second time; allowed: each queue once (SNS keeps one subscription per topic and queue; put "
                        + "every condition in that subscription's filterPolicy)"),
                problems(QUEUES + "  apphome:topics:\n    orders: {subscriptions: [{queue: billing}, {queue: billing}]}\n"));
    }

    @Test
    void aFilterPolicyMatchesListsAndNestsOnlyForAMessageBody() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:topics.orders.subscriptions[0].filterPolicy.eventType: found "
                        + "'order_placed'; allowed: a list of values or operators such as [order_placed] (SNS filter "
                        + "policies match against lists)",
                        "Pulumi.test.yaml: apphome:topics.orders.subscriptions[0].filterPolicy.order: is an object, which "
                        + "SNS matches only against a JSON message body; allowed: a list such as [order_placed], or "
                        + "filterPolicyScope: messageBody"),
                problems(QUEUES + "  apphome:topics:\n    orders: {subscriptions: [{queue: billing, filterPolicy: "
                        + "{eventType: order_placed, order: {total: [1]}}}]}\n"));
    }

    @Test
    void subscriptionsAreAListOfObjectsWithKnownKeys() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:topics.orders.subscriptions: expected a list of objects, found "
                        + "'billing'",
                        "Pulumi.test.yaml: apphome:topics.audit.subscriptions[0].queue: is required; allowed: the name of "
                        + "a queue in queues",
                        "Pulumi.test.yaml: apphome:topics.audit.subscriptions[0].raw: unknown key; allowed keys here: "
                        + "queue, rawMessageDelivery, filterPolicy, filterPolicyScope"),
                problems(QUEUES + "  apphome:topics:\n    orders: {subscriptions: billing}\n"
                        + "    audit: {subscriptions: [{raw: true}]}\n"));
    }

    @Test
    void aServiceMayPublishOnlyToADeclaredTopic() {
        String yaml = Stacks.MINIMAL.replace("routing:", "uses: {topics: {order: publish}}\n      routing:")
                + "  apphome:topics:\n    orders: {}\n";
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(yaml));

        assertEquals(List.of("Pulumi.test.yaml: apphome:services.web.uses.topics.order: names topic 'order', which "
                        + "apphome:topics does not declare; did you mean 'orders'?; declared: orders"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
