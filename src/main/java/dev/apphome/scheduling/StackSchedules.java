package dev.apphome.scheduling;

import com.pulumi.aws.scheduler.ScheduleGroup;
import com.pulumi.aws.scheduler.ScheduleGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.common.Naming;

import java.util.List;
import java.util.Map;

/**
 * The stack's EventBridge Scheduler schedule group, which holds the schedules of its jobs and
 * scheduled functions, and the alarm on their failed invocations. EventBridge Scheduler publishes
 * its invocation metrics per schedule group (namespace {@code AWS/Scheduler}, dimension
 * {@code ScheduleGroup}), not per schedule: which job failed is told by its own dead-letter queue.
 */
public final class StackSchedules extends ComponentResource implements Monitored {

    private final ScheduleGroup group;

    /** @param groupName the group's name, {@code <project>-<stack>}: 1 to 64 letters, digits, {@code -_.} */
    public StackSchedules(String name, String groupName, ComponentResourceOptions options) {
        super("apphome:scheduling:StackSchedules", name, options);
        this.group = new ScheduleGroup(Naming.child(name, "group"), ScheduleGroupArgs.builder()
                .name(groupName)
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("name", group.name()));
    }

    public Output<String> name() {
        return group.name();
    }

    public Output<String> arn() {
        return group.arn();
    }

    /**
     * Any failed invocation of the group's schedules: the target refused it (TargetErrorCount), the
     * scheduler gave up on it (InvocationDroppedCount) or sent it to a dead-letter queue
     * (InvocationsSentToDeadLetterCount). A task that starts and then fails is not an invocation
     * failure: ECS accepted RunTask, so the task's own logs and exit code tell.
     */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings thresholds) {
        Map<String, Output<String>> group = Map.of("ScheduleGroup", name());
        return List.of(new Alerts.MathAlarm("schedules-failed", "Scheduled invocations failed (target errors, dropped "
                + "or dead-lettered)", List.of(
                new Alerts.Input("errors", "AWS/Scheduler", "TargetErrorCount", group, "Sum"),
                new Alerts.Input("dropped", "AWS/Scheduler", "InvocationDroppedCount", group, "Sum"),
                new Alerts.Input("deadLettered", "AWS/Scheduler", "InvocationsSentToDeadLetterCount", group, "Sum")),
                "FILL(errors, 0) + FILL(dropped, 0) + FILL(deadLettered, 0)", "GreaterThanThreshold", 0, 60, 1,
                "notBreaching"));
    }
}
