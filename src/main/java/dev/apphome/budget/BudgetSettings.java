package dev.apphome.budget;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * A monthly cost budget ({@code budget}) with email notifications at thresholds of actual and
 * forecast spend, to the stack's alert addresses.
 *
 * @param monthlyUsd      the monthly limit in US dollars
 * @param actualPercent   percentages of the limit whose actual spend notifies
 * @param forecastPercent percentages of the limit whose forecast spend notifies
 * @param onlyThisStack   count only costs tagged {@code apphome:stack = <stack>} rather than the whole account's
 */
public record BudgetSettings(
        @Key(doc = "monthly limit", unit = "USD", required = true, min = 1, max = 100_000_000) int monthlyUsd,
        @Key(doc = "percentages of the limit at which actual spend notifies", unit = "%", dflt = "[80, 100]", min = 1,
                max = 1000) List<Integer> actualPercent,
        @Key(doc = "percentages of the limit at which forecast spend notifies", unit = "%", dflt = "[100]", min = 1,
                max = 1000) List<Integer> forecastPercent,
        @Key(doc = "count only costs tagged `apphome:stack` with this stack's name (needs that tag in `aws:defaultTags` "
                + "and activated as a cost allocation tag); false: the account's whole spend", dflt = "false")
        boolean onlyThisStack) {

    /** The cost allocation tag that {@code onlyThisStack} filters on. */
    public static final String STACK_TAG = "apphome:stack";

    public BudgetSettings {
        actualPercent = List.copyOf(actualPercent);
        forecastPercent = List.copyOf(forecastPercent);
    }

    public static final List<Rule<BudgetSettings>> RULES = List.of(
            Rule.of("actualPercent", b -> b.actualPercent.size() + b.forecastPercent.size() <= 10
                            && b.actualPercent.size() + b.forecastPercent.size() >= 1,
                    b -> "has " + (b.actualPercent.size() + b.forecastPercent.size()) + " thresholds with "
                            + "forecastPercent; allowed: 1 to 10 together (an AWS budget's notification limit)"),
            Rule.each(b -> {
                List<Rule.Violation> found = new ArrayList<>();
                if (b.actualPercent.stream().distinct().count() < b.actualPercent.size()) {
                    found.add(new Rule.Violation("actualPercent", "found " + b.actualPercent + "; allowed: each "
                            + "percentage once"));
                }
                if (b.forecastPercent.stream().distinct().count() < b.forecastPercent.size()) {
                    found.add(new Rule.Violation("forecastPercent", "found " + b.forecastPercent + "; allowed: each "
                            + "percentage once"));
                }
                return found;
            }));
}
