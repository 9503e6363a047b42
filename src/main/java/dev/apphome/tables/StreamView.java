package dev.apphome.tables;

/** What each record of a table's change stream holds. */
public enum StreamView {
    /** The item as it is after the change and as it was before. */
    NEW_AND_OLD_IMAGES,
    /** The item as it is after the change. */
    NEW_IMAGE,
    /** The item as it was before the change. */
    OLD_IMAGE,
    /** Only the changed item's key attributes. */
    KEYS_ONLY
}
