package dev.apphome.budget;

import com.pulumi.aws.budgets.Budget;
import com.pulumi.aws.budgets.BudgetArgs;
import com.pulumi.aws.budgets.inputs.BudgetCostFilterArgs;
import com.pulumi.aws.budgets.inputs.BudgetNotificationArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack's monthly cost budget, named after the stack, notifying the alert addresses by email
 * when actual or forecast spend crosses each threshold. AWS Budgets emails subscribers directly
 * (no confirmation, unlike the SNS alert topic). By default it watches the account's whole spend:
 * a budget can only tell stacks apart by a cost allocation tag, which every resource of the stack
 * must carry ({@code onlyThisStack}).
 */
public final class CostBudget extends ComponentResource {

    public CostBudget(String name, String stack, BudgetSettings args, List<String> emails,
                      ComponentResourceOptions options) {
        super("apphome:budget:CostBudget", name, options);
        Rule.require(args);
        if (emails.isEmpty()) {
            throw new IllegalArgumentException("a budget needs at least one alert address");
        }
        List<BudgetNotificationArgs> notifications = new ArrayList<>();
        args.actualPercent().forEach(p -> notifications.add(notification("ACTUAL", p, emails)));
        args.forecastPercent().forEach(p -> notifications.add(notification("FORECASTED", p, emails)));
        var budget = BudgetArgs.builder()
                .name(name)
                .budgetType("COST")
                .timeUnit("MONTHLY")
                .limitAmount(args.monthlyUsd() + ".0")
                .limitUnit("USD")
                .notifications(notifications);
        if (args.onlyThisStack()) {
            // Cost Explorer's form of a tag filter: "user:<key>$<value>".
            budget.costFilters(BudgetCostFilterArgs.builder()
                    .name("TagKeyValue")
                    .values("user:" + BudgetSettings.STACK_TAG + "$" + stack)
                    .build());
        }
        new Budget(name, budget.build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }

    private static BudgetNotificationArgs notification(String type, int percent, List<String> emails) {
        return BudgetNotificationArgs.builder()
                .notificationType(type)
                .comparisonOperator("GREATER_THAN")
                .threshold((double) percent)
                .thresholdType("PERCENTAGE")
                .subscriberEmailAddresses(emails)
                .build();
    }
}
