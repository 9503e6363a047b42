package dev.apphome.scheduling;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetDeadLetterConfigArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.alerts.Alerts;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What EventBridge Scheduler needs to start one target of the stack on a schedule, declared as
 * children of the component that owns the target (a job, a function): the role it assumes, the
 * dead-letter queue it sends invocations to that it could not deliver, and the schedule itself in
 * the stack's group. The role and the queue exist first ({@link ScheduledTarget#ScheduledTarget}),
 * because the target may have to name them; {@link #schedule} then writes the role's policy and the
 * schedule, once the target exists.
 *
 * <p>The scheduler delivers dead letters with the schedule's role (its documented setup grants the
 * role sqs:SendMessage), not as a service principal: the queue's policy therefore names who may send,
 * and the role's trust admits only schedules of this account's group for this stack.
 */
public final class ScheduledTarget {

    static final int ROLE_NAME_LIMIT = 64;
    /** Fourteen days, SQS's longest retention: dead letters wait there for someone to look. */
    static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 86400;

    private final String name;
    private final Resource owner;
    private final StackSchedules schedules;
    private final AwsContext aws;
    private final Output<String> keyArn;
    private final Role role;
    private final com.pulumi.aws.sqs.Queue deadLetters;
    private final QueuePolicy deadLetterPolicy;

    /**
     * @param name         the owner's name; children are {@code <name>-scheduler}, {@code <name>-dlq},
     *                     {@code <name>-dlq-policy} and {@code <name>-schedule}
     * @param what         what the scheduler starts, for the role's description, e.g. {@code the nightly job}
     * @param otherSenders roles besides the scheduler's that may send to the dead-letter queue (a
     *                     function's own role, when its failed runs go there)
     */
    public ScheduledTarget(String name, String what, StackSchedules schedules, AwsContext aws, Output<String> keyArn,
                           List<Output<String>> otherSenders, Resource owner) {
        this.name = name;
        this.owner = owner;
        this.schedules = schedules;
        this.aws = aws;
        this.keyArn = keyArn;
        CustomResourceOptions child = CustomResourceOptions.builder().parent(owner).build();
        Map<String, Object> trust = new LinkedHashMap<>();
        trust.put("aws:SourceAccount", aws.accountId());
        // The group's ARN, as AWS CDK's scheduler targets write it: only schedules of this group.
        trust.put("aws:SourceArn", schedules.arn());
        this.role = new Role(Naming.fitting(Naming.child(name, "scheduler"), ROLE_NAME_LIMIT), RoleArgs.builder()
                .description("Lets EventBridge Scheduler start " + what + " and record what it could not start")
                .assumeRolePolicy(PolicyDocument.assumedBy("scheduler.amazonaws.com", trust))
                .build(), child);
        this.deadLetters = new com.pulumi.aws.sqs.Queue(Naming.child(name, "dlq"), com.pulumi.aws.sqs.QueueArgs.builder()
                .kmsMasterKeyId(keyArn)
                .kmsDataKeyReusePeriodSeconds(300)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .build(), child);
        List<Object> senders = new ArrayList<>(List.of(role.arn()));
        senders.addAll(otherSenders);
        Map<String, Object> onlySenders = new LinkedHashMap<>();
        onlySenders.put("Sid", "OnlyItsSendersSend");
        onlySenders.put("Effect", "Deny");
        onlySenders.put("Principal", "*");
        onlySenders.put("Action", "sqs:SendMessage");
        onlySenders.put("Resource", List.of(deadLetters.arn()));
        onlySenders.put("Condition", Map.of("StringNotEquals", Map.of("aws:PrincipalArn", senders)));
        this.deadLetterPolicy = new QueuePolicy(Naming.child(name, "dlq-policy"), QueuePolicyArgs.builder()
                .queueUrl(deadLetters.url())
                .policy(PolicyDocument.of(List.of(
                        PolicyDocument.denyInsecureTransport(List.of(deadLetters.arn()), "sqs:*"), onlySenders)))
                .build(), child);
    }

    /**
     * The role's policy — {@code targetStatements}, and sending to the dead-letter queue — and the
     * schedule, which waits for the policy and for {@code after}.
     *
     * @param scheduleName the schedule's name, unique in the group (at most 64 characters)
     * @param targetArn    the target: a cluster (ECS RunTask) or a function (Lambda Invoke)
     * @param target       adds the target's own parameters (ECS parameters for a task)
     */
    public Schedule schedule(String scheduleName, String description, ScheduleSettings args, Output<String> targetArn,
                             List<Map<String, Object>> targetStatements, Consumer<ScheduleTargetArgs.Builder> target,
                             List<Resource> after) {
        List<Map<String, Object>> statements = new ArrayList<>(targetStatements);
        statements.add(PolicyDocument.allow("SendDeadLetters", List.of("sqs:SendMessage"), List.of(deadLetters.arn())));
        // The dead-letter queue is encrypted with the stack's key: a sender needs a data key.
        statements.add(PolicyDocument.withCondition(
                PolicyDocument.allow("EncryptDeadLetters", List.of("kms:GenerateDataKey", "kms:Decrypt"), List.of(keyArn)),
                Map.of("StringEquals", Map.of("kms:ViaService", "sqs." + aws.region() + ".amazonaws.com"))));
        var policy = new RolePolicy(Naming.child(name, "scheduler"), RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(statements))
                .build(), CustomResourceOptions.builder().parent(owner).build());
        var window = ScheduleFlexibleTimeWindowArgs.builder().mode(args.windowMode());
        if (args.flexibleWindowMinutes() != null) {
            window.maximumWindowInMinutes(args.flexibleWindowMinutes());
        }
        var targetArgs = ScheduleTargetArgs.builder()
                .arn(targetArn)
                .roleArn(role.arn())
                .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                        .maximumRetryAttempts(args.retryAttempts())
                        .maximumEventAgeInSeconds(args.maxEventAgeSeconds())
                        .build())
                .deadLetterConfig(ScheduleTargetDeadLetterConfigArgs.builder().arn(deadLetters.arn()).build());
        target.accept(targetArgs);
        List<Resource> dependsOn = new ArrayList<>(after);
        dependsOn.add(policy);
        dependsOn.add(deadLetterPolicy);
        // No kmsKeyArn: a schedule's own data is its target input, and these schedules send none.
        return new Schedule(Naming.child(name, "schedule"), ScheduleArgs.builder()
                .name(scheduleName)
                .groupName(schedules.name())
                .description(description)
                .scheduleExpression(args.at())
                .scheduleExpressionTimezone(args.timeZone())
                .flexibleTimeWindow(window.build())
                .state(args.enabled() ? "ENABLED" : "DISABLED")
                .target(targetArgs.build())
                .build(), CustomResourceOptions.builder().parent(owner).dependsOn(dependsOn).build());
    }

    public Output<String> roleArn() {
        return role.arn();
    }

    public Output<String> deadLetterArn() {
        return deadLetters.arn();
    }

    /** Any message in the dead-letter queue: an invocation the scheduler (or the target's own retries) gave up on. */
    public Alerts.Alarm deadLetterAlarm(String label, String description) {
        return new Alerts.AlarmSpec(label, description, "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                Map.of("QueueName", deadLetters.name()), "Maximum", "GreaterThanThreshold", 0, 60, 1, "notBreaching");
    }
}
