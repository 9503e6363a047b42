package dev.apphome.diff;

import dev.apphome.schema.Key;

/**
 * One announced replacement or deletion of a stateful resource ({@code allowReplace[]}): bin/diff
 * lets it through, printing the reason, instead of refusing the change. Remove the entry once the
 * change is deployed: while it stays, any later replacement of the same resource passes too.
 *
 * @param resource the resource's logical name as bin/diff prints it (or its whole URN)
 * @param reason   why losing or moving it is acceptable, as reviewers will read it
 */
public record ReplaceAllowance(
        @Key(doc = "the resource's logical name as `bin/diff` prints it, or its URN", required = true,
                pattern = "[A-Za-z0-9][A-Za-z0-9._:/$-]*", allowed = "a logical name such as apphome-dev-db-instance")
        String resource,
        @Key(doc = "why replacing or deleting it is acceptable", required = true, pattern = "(?s)\\s*\\S.{8,}\\S\\s*",
                allowed = "a sentence of at least 10 characters saying why losing or moving it is acceptable")
        String reason) {

    /** Whether this entry names the resource with this URN. */
    public boolean names(String urn) {
        return resource.equals(urn) || urn.endsWith("::" + resource);
    }
}
