package dev.apphome.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamingTest {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
            // Fits: 24 characters leave room for Pulumi's "-" + 7 random characters within 32.
            "apphome-dev-alb, 32, apphome-dev-alb",
            "apphome-prod-checkout-tg, 32, apphome-prod-checkout-tg",
            // Too long: cut and given 4 characters of the name's hash, still 24 characters.
            "apphome-production-checkout-tg, 32, apphome-production-f792",
            "apphome-production-payments-tg, 32, apphome-production-e5bb",
    })
    void fitsAutoNamedPhysicalNamesWithinTheLimit(String name, int limit, String expected) {
        String fitted = Naming.fitting(name, limit);

        assertEquals(expected, fitted);
        assertTrue(fitted.length() + Naming.AUTONAME_SUFFIX_LENGTH <= limit);
    }

    @ParameterizedTest
    @CsvSource({"apphome-dev, db, apphome-dev-db", "apphome-dev-db, subnets, apphome-dev-db-subnets"})
    void childNamesExtendTheParentName(String parent, String suffix, String expected) {
        assertEquals(expected, Naming.child(parent, suffix));
    }
}
