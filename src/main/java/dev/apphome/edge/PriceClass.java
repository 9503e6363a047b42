package dev.apphome.edge;

/** Which edge locations serve a distribution; fewer are cheaper. */
public enum PriceClass {
    /** North America and Europe. */
    PRICE_CLASS100("PriceClass_100"),
    /** Also Asia, the Middle East and Africa. */
    PRICE_CLASS200("PriceClass_200"),
    /** Every edge location. */
    PRICE_CLASS_ALL("PriceClass_All");

    final String cloudFront;

    PriceClass(String cloudFront) {
        this.cloudFront = cloudFront;
    }
}
