package dev.apphome.audit;

import dev.apphome.common.LogRetention;
import dev.apphome.schema.Key;

/**
 * A CloudTrail trail for the account's API activity ({@code trail}): every region, log files with
 * integrity validation, to a private bucket and an encrypted log group.
 *
 * @param bucketRetentionDays days log files are kept in the bucket
 * @param logRetentionDays    days the CloudWatch log group keeps events
 */
public record TrailSettings(
        @Key(doc = "days log files are kept in the trail's bucket", unit = "days", dflt = "365", min = 1, max = 3650)
        int bucketRetentionDays,
        @Key(doc = "days the trail's log group keeps events", unit = "days", dflt = "90") LogRetention logRetentionDays) {
}
