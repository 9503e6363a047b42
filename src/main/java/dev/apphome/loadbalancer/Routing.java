package dev.apphome.loadbalancer;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A listener rule: requests matching any host and any path go to one web service.
 *
 * @param priority rule priority, unique per stack; lower is matched first
 * @param paths    path patterns such as {@code /api/*}; empty means any path
 * @param hosts    host names such as {@code api.example.com}; empty means any host
 * @param stickySeconds how long the load balancer's cookie keeps a client on one task; null: no stickiness
 */
public record Routing(
        @Key(doc = "listener-rule priority, unique per stack; lower is matched first", required = true, min = 1,
                max = 50000, allowed = "a unique whole number from 1 to 50000 (lower is matched first)") int priority,
        @Key(doc = "path patterns such as `/api/*`; none means any path") List<String> paths,
        @Key(doc = "host names such as `api.example.com` (`*` and `?` wildcards allowed); none means any host")
        List<String> hosts,
        @Key(doc = "keep a client on the same task for this long with the load balancer's cookie (for WebSockets or "
                + "in-memory sessions); none: every request is balanced", unit = "seconds", min = 1, max = 604800)
        Integer stickySeconds) {

    /** A host-header condition value: labels of letters, digits and hyphens, with * and ? wildcards. */
    private static final Pattern HOST = Pattern.compile("(?=.{1,128}$)([a-zA-Z0-9*?]([a-zA-Z0-9*?-]*[a-zA-Z0-9*?])?\\.)*"
            + "[a-zA-Z0-9*?]([a-zA-Z0-9*?-]*[a-zA-Z0-9*?])?");

    public Routing {
        paths = List.copyOf(paths);
        hosts = List.copyOf(hosts);
    }

    public static final List<Rule<Routing>> RULES = List.of(
            Rule.each(r -> {
                List<Rule.Violation> found = new ArrayList<>();
                for (String p : r.paths) {
                    if (!p.startsWith("/") || p.length() > 128) {
                        found.add(new Rule.Violation("paths", "found '" + p + "'; allowed: path patterns starting with /, "
                                + "up to 128 characters"));
                    }
                }
                for (String h : r.hosts) {
                    if (!HOST.matcher(h).matches()) {
                        found.add(new Rule.Violation("hosts", "found '" + h + "', which is not a host name; allowed: host "
                                + "names such as api.example.com or *.example.com, up to 128 characters, without scheme, "
                                + "port or path"));
                    }
                }
                return found;
            }),
            Rule.of("", r -> r.paths.size() + r.hosts.size() <= 5, r -> "has " + (r.paths.size() + r.hosts.size())
                    + " conditions; allowed: at most 5 paths and hosts together (a listener rule's limit)"));
}
