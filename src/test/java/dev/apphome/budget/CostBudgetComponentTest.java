package dev.apphome.budget;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.support.Components;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget alone. Mocks cannot prove AWS Budgets emails the subscribers or that the tag is activated for cost allocation. */
class CostBudgetComponentTest {

    @Test
    void aMonthlyCostBudgetNotifiesAtEachActualAndForecastThreshold() {
        var settings = Components.settings(BudgetSettings.class, Map.of("monthlyUsd", 300));
        var budget = Components.declare(s -> new CostBudget("apphome-test-budget", "test", settings,
                List.of("oncall@example.com"), ComponentResourceOptions.Empty)).ofType("aws:budgets/budget:Budget").get(0);

        assertEquals(List.of("apphome-test-budget", "COST", "MONTHLY", "300.0", "USD"), List.of(budget.input("name"),
                budget.input("budgetType"), budget.input("timeUnit"), budget.input("limitAmount"), budget.input("limitUnit")));
        assertEquals(List.of("ACTUAL 80", "ACTUAL 100", "FORECASTED 100"), dev.apphome.support.Plans
                .list(budget.input("notifications")).stream().map(n -> dev.apphome.support.Plans.map(n))
                .map(n -> n.get("notificationType") + " " + n.get("threshold")).toList());
        assertEquals(List.of("oncall@example.com"), dev.apphome.support.Plans.map(dev.apphome.support.Plans
                .list(budget.input("notifications")).get(0)).get("subscriberEmailAddresses"));
        assertEquals(null, budget.input("costFilters"));
    }

    @Test
    void countingOnlyThisStackNeedsTheStackTagInTheProvidersDefaultTags() {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL
                + "  apphome:alerts: {emails: [a@example.com]}\n  apphome:budget: {monthlyUsd: 100, onlyThisStack: true}\n"));
        assertTrue(e.getMessage().contains("apphome:budget.onlyThisStack: is true, but aws:defaultTags does not tag every "
                + "resource apphome:stack: test; allowed: add to the stack file `aws:defaultTags: {tags: {apphome:stack: "
                + "test}}` and activate the tag for cost allocation, or onlyThisStack: false"), e.getMessage());
    }

    @Test
    void aBudgetWithoutAlertAddressesIsRefused() {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL
                + "  apphome:budget: {monthlyUsd: 100}\n"));
        assertTrue(e.getMessage().contains("apphome:budget: is set but alerts.emails is empty, so no one would be told"),
                e.getMessage());
    }
}
