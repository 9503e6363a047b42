package dev.apphome.loadbalancer;

/**
 * What the load balancer needs to know of a web service to route to it: where its tasks listen,
 * how to probe them and which requests are its.
 *
 * @param name    the service's name in the stack, for rule descriptions
 * @param port    the container port its tasks listen on
 * @param probe   the target group's health check
 * @param routing the listener rule that selects its requests
 */
public record WebTarget(String name, int port, Probe probe, Routing routing) {

    /**
     * A target-group health check.
     *
     * @param path               HTTP path probed
     * @param intervalSeconds    seconds between probes
     * @param timeoutSeconds     seconds before a probe fails
     * @param healthyThreshold   consecutive successes to become healthy
     * @param unhealthyThreshold consecutive failures to become unhealthy
     * @param matcher            HTTP codes that count as healthy
     */
    public record Probe(String path, int intervalSeconds, int timeoutSeconds, int healthyThreshold,
                        int unhealthyThreshold, String matcher) {
    }
}
