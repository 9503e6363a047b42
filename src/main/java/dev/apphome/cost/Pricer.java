package dev.apphome.cost;

/** Prices one resource type from a resource's inputs, the document and the region's prices. */
@FunctionalInterface
interface Pricer {

    Outcome price(Resource resource, Pricing pricing);
}
