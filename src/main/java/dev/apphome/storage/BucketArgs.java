package dev.apphome.storage;

/**
 * An application bucket.
 *
 * @param name                          the bucket's name in the stack (the S3 name adds project, stack and a suffix)
 * @param versioning                    whether objects keep old versions; default true
 * @param infrequentAccessAfterDays     move objects to STANDARD_IA after this many days; null = never
 * @param glacierAfterDays              move objects to GLACIER_IR after this many days; null = never
 * @param expireAfterDays               delete objects after this many days; null = never
 * @param noncurrentVersionExpiryDays   delete old versions after this many days; default 90
 */
public record BucketArgs(
        String name,
        boolean versioning,
        Integer infrequentAccessAfterDays,
        Integer glacierAfterDays,
        Integer expireAfterDays,
        int noncurrentVersionExpiryDays) {
}
