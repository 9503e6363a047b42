package dev.apphome.jobs;

import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersCapacityProviderStrategyArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersNetworkConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.common.AwsContext;
import dev.apphome.common.PolicyDocument;
import dev.apphome.network.Firewall;
import dev.apphome.network.Network;
import dev.apphome.network.SubnetTier;
import dev.apphome.scheduling.ScheduledTarget;
import dev.apphome.scheduling.StackSchedules;
import dev.apphome.schema.Rule;
import dev.apphome.service.Cluster;
import dev.apphome.service.FargateTask;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A task EventBridge Scheduler runs on a schedule: its security group (closed but for HTTPS out,
 * opened further only by the stores it uses), the same Fargate task a worker gets (log group,
 * execution and task roles, task definition), and the schedule that starts one task of it in the
 * stack's cluster — launch type FARGATE, or its capacity strategy — in the private subnets without a
 * public address. The schedule's role may only run this task definition's family in this cluster
 * and pass its two roles to ECS; what the scheduler cannot start goes to the job's dead-letter queue.
 */
public final class ScheduledJob extends ComponentResource implements Monitored {

    private final JobSettings args;
    private final ScheduledTarget scheduled;

    /**
     * What a job is placed into.
     *
     * @param network   the VPC: tasks run in its private subnets
     * @param cluster   the stack's cluster
     * @param tasks     what the task is placed with (account, key, log groups, repositories)
     * @param schedules the stack's schedule group
     */
    public record Placement(Network network, Cluster cluster, FargateTask.Placement tasks, StackSchedules schedules) {
    }

    /**
     * @param name the component's name, {@code <project>-<stack>-job-<name>}: the task definition's family and
     *             the schedule's name
     * @param uses connects the job, once its security group exists, to every store it uses
     */
    public ScheduledJob(String name, JobSettings args, Placement placement, Function<Client, Connection> uses,
                        ComponentResourceOptions options) {
        super("apphome:jobs:ScheduledJob", name, options);
        this.args = Rule.require(args);
        AwsContext aws = placement.tasks().aws();
        var firewall = new Firewall(name, "scheduled job " + args.name(), placement.network().vpcId(), this);
        firewall.allowHttpsOut("HTTPS to AWS APIs, image registries and third-party APIs");
        Connection connection = uses.apply(new Client(args.name(), firewall));
        var task = FargateTask.declare(name, args.task(), connection, placement.tasks(), this);

        this.scheduled = new ScheduledTarget(name, "the scheduled job " + args.name(), placement.schedules(), aws,
                placement.tasks().keyArn(), List.of(), this);
        Cluster cluster = placement.cluster();
        List<Map<String, Object>> statements = List.of(
                // Any revision of this family, and only in the stack's cluster.
                PolicyDocument.withCondition(PolicyDocument.allow("RunOwnTask", List.of("ecs:RunTask"),
                                List.of(aws.arn("ecs", "task-definition/" + name + ":*"))),
                        Map.of("ArnEquals", Map.of("ecs:cluster", cluster.arn()))),
                PolicyDocument.withCondition(PolicyDocument.allow("PassOwnTaskRoles", List.of("iam:PassRole"),
                                List.of(task.executionRoleArn(), task.taskRoleArn())),
                        Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"))));
        List<Resource> after = new ArrayList<>(task.rolePolicies());
        after.addAll(firewall.rules());
        after.add(task.taskDefinition());
        var ecs = ScheduleTargetEcsParametersArgs.builder()
                .taskDefinitionArn(task.taskDefinition().arn())
                .taskCount(1)
                .platformVersion("LATEST")
                .networkConfiguration(ScheduleTargetEcsParametersNetworkConfigurationArgs.builder()
                        .subnets(placement.network().ids(SubnetTier.PRIVATE))
                        .securityGroups(firewall.id().applyValue(List::of))
                        .assignPublicIp(false)
                        .build());
        // No tags or managed tags on the task: tagging at RunTask needs ecs:TagResource as well.
        if (args.capacity().isSet()) {
            // A capacity strategy and a launch type exclude each other in RunTask.
            ecs.capacityProviderStrategies(cluster.shares(args.capacity()).stream()
                    .map(s -> ScheduleTargetEcsParametersCapacityProviderStrategyArgs.builder()
                            .capacityProvider(s.provider()).base(s.base()).weight(s.weight()).build())
                    .toList());
            after.add(cluster.capacity()); // a strategy naming FARGATE_SPOT fails until the provider is attached
        } else {
            ecs.launchType("FARGATE");
        }
        scheduled.schedule(name, "Runs the job " + args.name() + ": " + args.schedule().at() + " "
                        + args.schedule().timeZone(), args.schedule(), cluster.arn(), statements,
                target -> target.ecsParameters(ecs.build()), after);
        registerOutputs(Map.of("deadLetterQueueArn", scheduled.deadLetterArn()));
    }

    public JobSettings args() {
        return args;
    }

    /** Invocations the scheduler gave up on; the group's alarm tells that one failed at all. */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings thresholds) {
        return List.of(scheduled.deadLetterAlarm("job-" + args.name() + "-dead-letters",
                "job " + args.name() + ": runs the scheduler could not start"));
    }

    public Output<String> deadLetterQueueArn() {
        return scheduled.deadLetterArn();
    }
}
