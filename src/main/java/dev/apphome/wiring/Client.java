package dev.apphome.wiring;

import dev.apphome.network.Firewall;

/**
 * A service that uses a store, as the store sees it: a name for rule descriptions and IAM statement
 * ids, and the security group the store admits when it lives in the VPC.
 *
 * @param name     the service's name in the stack, e.g. {@code api}
 * @param firewall the service's security group
 */
public record Client(String name, Firewall firewall) {
}
