package dev.apphome.messaging;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One queue a topic fans out to ({@code topics.<name>.subscriptions[]}).
 *
 * @param queue              the queue's name in {@code queues}
 * @param rawMessageDelivery whether the queue receives the message as published rather than in SNS's JSON envelope
 * @param filterPolicy       the SNS filter policy the queue's messages must match; empty: every message
 * @param filterPolicyScope  what the filter policy is matched against
 */
public record Subscription(
        @Key(doc = "the queue in `queues` that receives the topic's messages", required = true,
                allowed = "the name of a queue in queues") String queue,
        @Key(doc = "deliver each message as published, without SNS's JSON envelope", dflt = "true")
        boolean rawMessageDelivery,
        @Key(doc = "an SNS filter policy such as `{eventType: [order_placed]}`: only matching messages reach the "
                + "queue; none: every message") Map<String, Object> filterPolicy,
        @Key(doc = "what the filter policy matches: `messageAttributes` or `messageBody`", dflt = "messageAttributes")
        FilterScope filterPolicyScope) {

    public Subscription {
        filterPolicy = filterPolicy == null ? Map.of() : filterPolicy;
    }

    public static final List<Rule<Subscription>> RULES = List.of(
            Rule.each(s -> {
                List<Rule.Violation> found = new ArrayList<>();
                s.filterPolicy.forEach((k, v) -> shape(found, "filterPolicy." + k, v, s.filterPolicyScope));
                return found;
            }));

    /**
     * SNS matches an attribute against a list of values and operators; nested objects are matched
     * against a JSON body only.
     */
    private static void shape(List<Rule.Violation> found, String key, Object value, FilterScope scope) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                found.add(new Rule.Violation(key, "is an empty list, which matches nothing; allowed: a list of values "
                        + "or operators such as [order_placed] or [{prefix: order_}]"));
            }
            return;
        }
        if (value instanceof Map<?, ?> nested) {
            if (scope != FilterScope.MESSAGE_BODY) {
                found.add(new Rule.Violation(key, "is an object, which SNS matches only against a JSON message body; "
                        + "allowed: a list such as [order_placed], or filterPolicyScope: messageBody"));
                return;
            }
            nested.forEach((k, v) -> shape(found, key + "." + k, v, scope));
            return;
        }
        found.add(new Rule.Violation(key, "found " + (value instanceof String t ? "'" + t + "'" : String.valueOf(value))
                + "; allowed: a list of values or operators such as [" + value + "] (SNS filter policies match "
                + "against lists)"));
    }
}
