package dev.apphome.cost;

/**
 * Thrown while pricing one resource when something it needs is missing: a price the table does not
 * have for the region, an input that is unknown until the resource exists, a feature the table has
 * no price for. The resource is then listed as unpriced with this reason, never counted as zero.
 */
final class Unpriceable extends RuntimeException {

    Unpriceable(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
