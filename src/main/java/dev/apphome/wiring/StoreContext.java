package dev.apphome.wiring;

import com.pulumi.core.Output;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Protection;
import dev.apphome.network.Network;

/**
 * What every store is placed into: the VPC, the account and region, the stack's key, the stack's
 * protection setting and log retention, and the stores declared before it.
 *
 * @param network          the VPC whose isolated subnets hold stores that live in it
 * @param aws              account, region and partition
 * @param keyArn           the stack's customer-managed KMS key
 * @param protection       the stack's {@code protect} setting for stateful children
 * @param logRetentionDays days the store's log groups keep logs
 * @param declared         the stores declared before this one
 */
public record StoreContext(Network network, AwsContext aws, Output<String> keyArn, Protection protection,
                           int logRetentionDays, Declared declared) {
}
