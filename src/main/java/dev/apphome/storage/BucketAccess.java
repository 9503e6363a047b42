package dev.apphome.storage;

/** What a service may do with a bucket it uses. */
public enum BucketAccess {
    /** List the bucket and read objects and their versions. */
    READ,
    /** Read, and also write and delete objects. */
    READ_WRITE
}
