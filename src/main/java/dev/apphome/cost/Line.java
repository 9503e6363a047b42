package dev.apphome.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One priced line of a resource: how much of what, at which unit price, for a month.
 *
 * @param item      what is bought, e.g. "NAT gateway" or "Fargate vCPU, Spot"
 * @param quantity  units a month; null for a usage line the usage file gave no quantity for
 * @param unit      what one unit is: hours, vCPU-hours, GB-months, million requests, …
 * @param unitPrice USD per unit
 * @param monthly   quantity × unitPrice (zero for a usage line without a quantity)
 * @param usage     true for a usage-priced line, which counts only under the assumptions of a usage file
 * @param price     the price-table items the unit price comes from, e.g. {@code nat.hour}
 * @param status    the weakest status of those items ({@code confirmed}, {@code estimate}, …)
 * @param usageKey  for a usage line, the usage-file key that gives its quantity
 */
public record Line(String item, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal monthly,
                   boolean usage, String price, String status, String usageKey) {

    /** A fixed line: a quantity the plan decides. */
    static Line fixed(String item, BigDecimal quantity, String unit, Rate rate) {
        return new Line(item, quantity, unit, rate.price(), exact(quantity.multiply(rate.price())), false, rate.items(),
                rate.status(), "");
    }

    /** A usage line: its quantity (null when not given) comes from the usage file's {@code usageKey}. */
    static Line usage(String item, BigDecimal quantity, String unit, Rate rate, String usageKey) {
        BigDecimal monthly = quantity == null ? BigDecimal.ZERO : exact(quantity.multiply(rate.price()));
        return new Line(item, quantity, unit, rate.price(), monthly, true, rate.items(), rate.status(), usageKey);
    }

    /** Whether the unit price rests on a figure that is not confirmed for the region. */
    public boolean unconfirmed() {
        return !"confirmed".equals(status);
    }

    /** Trailing zeros dropped, and at most 10 decimals (prices have up to 10, quantities up to 4). */
    static BigDecimal exact(BigDecimal value) {
        BigDecimal scaled = value.scale() > 10 ? value.setScale(10, RoundingMode.HALF_UP) : value;
        BigDecimal stripped = scaled.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A unit price and where it comes from.
     *
     * @param price  USD per unit
     * @param items  the price-table items, with any factor applied, e.g. {@code fargate.x86.vcpuHour × 0.3}
     * @param status the weakest status among them
     */
    record Rate(BigDecimal price, String items, String status) {

        static Rate of(PriceTable.Price p) {
            return new Rate(p.value(), p.key(), p.status());
        }

        /** This rate times a factor that itself comes from the table (a discount, a share). */
        Rate times(BigDecimal factor, String factorItems, String factorStatus) {
            return new Rate(exact(price.multiply(factor)), items + " × " + factorItems,
                    "confirmed".equals(status) ? factorStatus : status);
        }
    }
}
