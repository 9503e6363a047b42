package dev.apphome.storage;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * An application bucket ({@code buckets.<name>}).
 *
 * @param name                        the bucket's name in the stack (the S3 name adds project, stack and a suffix)
 * @param versioning                  whether objects keep old versions
 * @param infrequentAccessAfterDays   move objects to STANDARD_IA after this many days; null = never
 * @param glacierAfterDays            move objects to GLACIER_IR after this many days; null = never
 * @param expireAfterDays             delete objects after this many days; null = never
 * @param noncurrentVersionExpiryDays delete old versions after this many days
 */
public record BucketSettings(
        @Name(noun = "bucket", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "2 to 20 lowercase letters, digits "
                + "and hyphens, starting with a letter (it becomes part of AWS names limited to 32 characters)") String name,
        @Key(doc = "objects keep old versions", dflt = "true") boolean versioning,
        @Key(doc = "move objects to STANDARD_IA after this many days; none: never", unit = "days", min = 30, max = 36500)
        Integer infrequentAccessAfterDays,
        @Key(doc = "move objects to GLACIER_IR after this many days; none: never", unit = "days", min = 1, max = 36500)
        Integer glacierAfterDays,
        @Key(doc = "delete objects after this many days; none: never", unit = "days", min = 1, max = 36500)
        Integer expireAfterDays,
        @Key(doc = "delete old versions after this many days", unit = "days", dflt = "90", min = 1, max = 36500)
        int noncurrentVersionExpiryDays) {

    public static final List<Rule<BucketSettings>> RULES = List.of(
            Rule.of("glacierAfterDays", b -> b.infrequentAccessAfterDays == null || b.glacierAfterDays == null
                            || b.glacierAfterDays >= b.infrequentAccessAfterDays + 30,
                    b -> "found " + b.glacierAfterDays + " with infrequentAccessAfterDays " + b.infrequentAccessAfterDays
                            + "; allowed: at least 30 days after infrequentAccessAfterDays (S3's minimum stay in "
                            + "STANDARD_IA)"),
            Rule.of("expireAfterDays", b -> b.expireAfterDays == null || b.lastTransition() == null
                            || b.expireAfterDays > b.lastTransition(),
                    b -> "found " + b.expireAfterDays + ", not after the last transition on day " + b.lastTransition()
                            + "; allowed: a later day"));

    private Integer lastTransition() {
        return glacierAfterDays != null ? glacierAfterDays : infrequentAccessAfterDays;
    }
}
