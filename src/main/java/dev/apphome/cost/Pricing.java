package dev.apphome.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a pricer may use: the region's prices, the whole document (to follow a service to its task
 * definition), and the usage file. Helpers build lines so that every pricer states quantities the
 * same way: hours are the table's hours per month.
 */
final class Pricing {

    private final PriceTable.Region prices;
    private final BigDecimal hours;
    private final PreviewDocument document;
    private final Usage usage;

    Pricing(PriceTable.Region prices, int hoursPerMonth, PreviewDocument document, Usage usage) {
        this.prices = prices;
        this.hours = BigDecimal.valueOf(hoursPerMonth);
        this.document = document;
        this.usage = usage;
    }

    String region() {
        return prices.name();
    }

    BigDecimal hours() {
        return hours;
    }

    PreviewDocument document() {
        return document;
    }

    Line.Rate rate(String key, String what) {
        return Line.Rate.of(prices.get(key, what));
    }

    /** {@code count} of something running all month: quantity = count × hours. */
    Line hourly(String item, BigDecimal count, String unit, String key) {
        return Line.fixed(item, count.multiply(hours), unit, rate(key, item));
    }

    Line hourly(String item, BigDecimal count, String unit, Line.Rate rate) {
        return Line.fixed(item, count.multiply(hours), unit, rate);
    }

    /** {@code quantity} units billed per month (keys, secrets, GB-months). */
    Line monthly(String item, BigDecimal quantity, String unit, String key) {
        return Line.fixed(item, quantity, unit, rate(key, item));
    }

    /** A usage line whose quantity is the usage file's {@code usageKey} times {@code factor}. */
    Line usage(Resource r, String item, String unit, String key, String usageKey, BigDecimal factor) {
        BigDecimal value = usage.value(r, usageKey);
        return Line.usage(item, value == null ? null : value.multiply(factor), unit, rate(key, item), usageKey);
    }

    Line usage(Resource r, String item, String unit, String key, String usageKey) {
        return usage(r, item, unit, key, usageKey, BigDecimal.ONE);
    }

    /** The usage file's quantity of {@code key} for {@code r}, or null. */
    BigDecimal usageValue(Resource r, String key) {
        return usage.value(r, key);
    }

    /** The resources of {@code type} that input {@code property} of {@code r} came from. */
    List<Resource> sources(Resource r, String property, String type) {
        return r.sources(property).stream().map(document::byUrn).filter(Objects::nonNull)
                .filter(s -> s.type().equals(type)).toList();
    }

    /**
     * The resource of {@code type} that input {@code property} of {@code r} refers to: through the
     * recorded dependency, else by matching the value against the candidates' ARN or id (outputs)
     * or the input {@code nameInput}.
     */
    Resource referenced(Resource r, String property, String type, String nameInput) {
        List<Resource> linked = sources(r, property, type);
        if (linked.size() == 1) {
            return linked.get(0);
        }
        String value = r.in().raw(property) != null && r.in().raw(property).isJsonPrimitive()
                ? r.in().raw(property).getAsString() : null;
        if (value == null || Props.UNKNOWN.equals(value)) {
            return null;
        }
        Predicate<Resource> matches = c -> value.equals(outputString(c, "arn")) || value.equals(outputString(c, "id"))
                || nameInput != null && value.equals(inputString(c, nameInput));
        return document.resources().stream().filter(c -> c.type().equals(type)).filter(matches).findFirst().orElse(null);
    }

    List<Resource> ofType(String type) {
        return document.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    static String outputString(Resource r, String key) {
        var value = r.out().raw(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    static String inputString(Resource r, String key) {
        var value = r.in().raw(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
