package dev.apphome.registry;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;

/**
 * An ECR repository ({@code repositories.<name>}): tags are immutable, images are encrypted with the
 * stack's key and scanned, old images expire, and only this account may use it.
 *
 * @param name               the repository's name in the stack (the ECR name is {@code <project>-<stack>/<name>})
 * @param scanning           basic scan on push, or enhanced continuous scanning
 * @param untaggedExpiryDays days after which an untagged image is deleted
 * @param keepTagged         how many tagged images are kept; older ones are deleted
 */
public record RepositorySettings(
        @Name(noun = "repository", pattern = "[a-z][a-z0-9-]{0,38}[a-z0-9]", allowed = "2 to 40 lowercase letters, "
                + "digits and hyphens, starting with a letter") String name,
        @Key(doc = "`basic`: every push is scanned (free); `enhanced`: Amazon Inspector scans continuously (charged per "
                + "image; a registry-wide setting, one stack per account and region)", dflt = "basic") Scanning scanning,
        @Key(doc = "delete untagged images after this many days", unit = "days", dflt = "7", min = 1, max = 3650)
        int untaggedExpiryDays,
        @Key(doc = "tagged images kept; older ones are deleted", dflt = "30", min = 1, max = 10000) int keepTagged) {
}
