package dev.apphome.messaging;

import dev.apphome.keys.KeyGrant;
import dev.apphome.keys.KeyGrants;
import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.NamesStores;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An SNS topic ({@code topics.<name>}), encrypted with the stack's key and TLS-only, that fans
 * every message out to the queues subscribed to it.
 *
 * @param name          the topic's name in the stack
 * @param subscriptions the queues that receive its messages
 */
public record TopicSettings(
        @Name(noun = "topic", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "2 to 20 lowercase letters, digits "
                + "and hyphens, starting with a letter (it becomes part of AWS names)") String name,
        @Key(doc = "queues that receive a copy of each message") List<Subscription> subscriptions)
        implements NamesStores, KeyGrants {

    /**
     * SNS encrypts what it delivers to a queue with the queue's key, here the stack's key, so the key
     * policy must let SNS generate data keys and decrypt (SQS Developer Guide, "Configure KMS
     * permissions for AWS services").
     */
    static final KeyGrant SNS_DELIVERS_TO_QUEUES = new KeyGrant("SnsDeliversToEncryptedQueues", "sns.amazonaws.com",
            List.of("kms:GenerateDataKey*", "kms:Decrypt"));

    public TopicSettings {
        subscriptions = List.copyOf(subscriptions);
    }

    public static final List<Rule<TopicSettings>> RULES = List.of(
            Rule.each(t -> {
                List<Rule.Violation> found = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < t.subscriptions.size(); i++) {
                    String queue = t.subscriptions.get(i).queue();
                    if (!seen.add(queue)) {
                        found.add(new Rule.Violation("subscriptions[" + i + "].queue", "names queue '" + queue
                                + "' a second time; allowed: each queue once (SNS keeps one subscription per topic and "
                                + "queue; put every condition in that subscription's filterPolicy)"));
                    }
                }
                return found;
            }));

    /** The subscription of {@code queue}, if this topic fans out to it. */
    public java.util.Optional<Subscription> subscription(String queue) {
        return subscriptions.stream().filter(s -> s.queue().equals(queue)).findFirst();
    }

    @Override
    public List<StoreName> storeNames() {
        List<StoreName> names = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            names.add(new StoreName("subscriptions[" + i + "].queue", "queues", subscriptions.get(i).queue()));
        }
        return names;
    }

    @Override
    public List<KeyGrant> keyGrants() {
        return subscriptions.isEmpty() ? List.of() : List.of(SNS_DELIVERS_TO_QUEUES);
    }
}
