package dev.apphome.keys;

import java.util.List;

/**
 * A statement of the stack key's policy that lets an AWS service use the key for this account's
 * resources (condition {@code aws:SourceAccount}). Added only when a store needs it, so that a
 * stack without such a store keeps its key policy exactly as it was.
 *
 * @param sid              the statement id
 * @param servicePrincipal the service, e.g. {@code sns.amazonaws.com}
 * @param actions          the KMS actions it may call
 */
public record KeyGrant(String sid, String servicePrincipal, List<String> actions) {

    public KeyGrant {
        actions = List.copyOf(actions);
    }
}
