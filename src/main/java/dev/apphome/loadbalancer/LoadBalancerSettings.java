package dev.apphome.loadbalancer;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * The internet-facing Application Load Balancer ({@code loadBalancer}); present when the stack has
 * a web service.
 *
 * @param certificate            where the HTTPS certificate comes from; null when the stack sets none
 * @param sslPolicy              TLS policy of the HTTPS listener
 * @param deletionProtection     whether AWS refuses to delete the load balancer
 * @param idleTimeoutSeconds     connection idle timeout
 * @param accessLogs             whether access logs go to a private bucket
 * @param accessLogRetentionDays days access logs are kept
 * @param waf                    whether a web ACL guards it
 * @param rateLimitPer5Minutes   requests one IP may send in 5 minutes before the firewall blocks it
 * @param blockBodiesOverKb      request bodies larger than this are blocked; null: large bodies are let through
 * @param blockBodiesOnPaths     path prefixes where {@code blockBodiesOverKb} applies; empty: every path
 */
public record LoadBalancerSettings(
        Certificate certificate,
        @Key(doc = "a TLS 1.3 policy", dflt = DEFAULT_SSL_POLICY, pattern = "ELBSecurityPolicy-TLS13-.+",
                allowed = "a TLS 1.3 policy such as " + DEFAULT_SSL_POLICY + " or ELBSecurityPolicy-TLS13-1-3-2021-06")
        String sslPolicy,
        @Key(doc = "AWS deletion protection", dflt = "true") boolean deletionProtection,
        @Key(doc = "connection idle timeout", unit = "seconds", dflt = "60", min = 1, max = 4000) int idleTimeoutSeconds,
        @Key(doc = "access logs to a private bucket", dflt = "true") boolean accessLogs,
        @Key(doc = "access-log expiry", unit = "days", dflt = "90", min = 1, max = 3650) int accessLogRetentionDays,
        @Key(doc = "a WAF web ACL: AWS managed rules (IP reputation, common exploits, known bad inputs) and a per-IP "
                + "rate limit", dflt = "true") boolean waf,
        @Key(doc = "requests one IP may send in 5 minutes before WAF blocks it", dflt = "2000", min = 100,
                max = 2_000_000_000) int rateLimitPer5Minutes,
        @Key(doc = "block request bodies larger than this (the load balancer's WAF inspects 8 KB at most, so a larger "
                + "body is judged by its size alone); none: large bodies pass, and AWS's size rule only counts them",
                unit = "KB", min = 1, max = 8) Integer blockBodiesOverKb,
        @Key(doc = "path prefixes where `blockBodiesOverKb` applies, e.g. `/api/`; none: every path")
        List<String> blockBodiesOnPaths) {

    public LoadBalancerSettings {
        blockBodiesOnPaths = List.copyOf(blockBodiesOnPaths);
    }

    public static final List<Rule<LoadBalancerSettings>> RULES = List.of(
            Rule.of("blockBodiesOnPaths", lb -> lb.blockBodiesOnPaths.isEmpty() || lb.blockBodiesOverKb != null,
                    "is set without blockBodiesOverKb; allowed: set blockBodiesOverKb too, or remove the paths"),
            Rule.of("blockBodiesOnPaths", lb -> lb.blockBodiesOnPaths.stream().allMatch(p -> p.startsWith("/")
                            && p.length() <= 256),
                    lb -> "found " + lb.blockBodiesOnPaths + "; allowed: path prefixes starting with /, up to 256 "
                            + "characters"),
            Rule.of("blockBodiesOverKb", lb -> lb.blockBodiesOverKb == null || lb.waf, "is set while waf is false; "
                    + "allowed: waf: true (the web ACL enforces the limit)"));

    public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /** Whether the listener serves HTTPS (anything but plain HTTP). */
    public boolean https() {
        return certificate != null && !(certificate instanceof Certificate.PlainHttp);
    }
}
