package dev.apphome.tables;

/** What a service may do with a table it uses. */
public enum TableAccess {
    /** Get, query and scan items. */
    READ,
    /** Read, and put, update and delete items. */
    READ_WRITE
}
