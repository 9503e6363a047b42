package dev.apphome.tables;

import dev.apphome.schema.Spelling;

/** The type of a key attribute, spelled as DynamoDB spells it. */
public enum AttributeType {
    /** A string. */
    @Spelling("S") STRING,
    /** A number. */
    @Spelling("N") NUMBER,
    /** Binary data. */
    @Spelling("B") BINARY;

    /** DynamoDB's code for the type. */
    public String code() {
        return name().substring(0, 1);
    }
}
