package dev.apphome.service;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * Health checking: the target group's for web services, the container's own (any kind) with a command.
 *
 * @param path               HTTP path the load balancer probes (web only)
 * @param intervalSeconds    seconds between probes
 * @param timeoutSeconds     seconds before a probe fails
 * @param healthyThreshold   consecutive successes to become healthy
 * @param unhealthyThreshold consecutive failures to become unhealthy
 * @param matcher            HTTP codes that count as healthy
 * @param gracePeriodSeconds seconds after start during which failed checks are ignored
 * @param command            container health check command, e.g. {@code ["CMD-SHELL", "curl -f localhost:8080/live"]}
 */
public record HealthCheck(
        @Key(doc = "HTTP path the load balancer probes (web only)", derived = "`/health`", pattern = "/.{0,1023}",
                allowed = "an HTTP path starting with /") String path,
        @Key(doc = "seconds between probes", unit = "seconds", dflt = "30", min = 5, max = 300) int intervalSeconds,
        @Key(doc = "seconds before a probe fails; less than `intervalSeconds`", unit = "seconds", dflt = "5", min = 2,
                max = 120) int timeoutSeconds,
        @Key(doc = "consecutive successes to become healthy", dflt = "2", min = 2, max = 10) int healthyThreshold,
        @Key(doc = "consecutive failures to become unhealthy", dflt = "3", min = 2, max = 10) int unhealthyThreshold,
        @Key(doc = "HTTP codes that count as healthy", dflt = "200-399", pattern = "\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*",
                allowed = "HTTP codes such as 200 or 200-399 or 200,204") String matcher,
        @Key(doc = "seconds after start during which failed checks are ignored", unit = "seconds", dflt = "60", min = 0,
                max = 2147483) int gracePeriodSeconds,
        @Key(doc = "container health check, e.g. `[\"CMD-SHELL\", \"curl -f http://localhost:8080/health || exit 1\"]`")
        List<String> command) {

    static final String DEFAULT_PATH = "/health";

    public HealthCheck {
        command = List.copyOf(command);
    }

    public static final List<Rule<HealthCheck>> RULES = List.of(
            Rule.of("timeoutSeconds", h -> h.timeoutSeconds < h.intervalSeconds, h -> "found " + h.timeoutSeconds
                    + " with intervalSeconds " + h.intervalSeconds + "; allowed: less than intervalSeconds (the load "
                    + "balancer refuses otherwise)"),
            Rule.of("command", h -> h.command.isEmpty() || List.of("CMD", "CMD-SHELL", "NONE").contains(h.command.get(0)),
                    h -> "starts with '" + h.command.get(0) + "'; allowed: CMD, CMD-SHELL or NONE first"));

    /** The path the load balancer probes: the one set, or {@code /health}. */
    public String probePath() {
        return path != null ? path : DEFAULT_PATH;
    }
}
