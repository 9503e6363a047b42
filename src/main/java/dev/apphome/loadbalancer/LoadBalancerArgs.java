package dev.apphome.loadbalancer;

/**
 * The internet-facing Application Load Balancer.
 *
 * @param certificate            where the HTTPS certificate comes from; required unless {@code plainHttp: true}
 * @param sslPolicy              TLS policy of the HTTPS listener; default {@value #DEFAULT_SSL_POLICY}
 * @param deletionProtection     whether AWS refuses to delete the load balancer; default true
 * @param idleTimeoutSeconds     connection idle timeout, 1 to 4000 s; default 60
 * @param accessLogs             whether access logs go to a private bucket; default true
 * @param accessLogRetentionDays days access logs are kept; default 90
 * @param waf                    whether a web ACL (AWS managed rules and a per-IP rate limit) guards it; default true
 * @param rateLimitPer5Minutes   requests one IP may send in 5 minutes before the firewall blocks it; default 2000
 */
public record LoadBalancerArgs(
        Certificate certificate,
        String sslPolicy,
        boolean deletionProtection,
        int idleTimeoutSeconds,
        boolean accessLogs,
        int accessLogRetentionDays,
        boolean waf,
        int rateLimitPer5Minutes) {

    public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public boolean https() {
        return !(certificate instanceof Certificate.None);
    }
}
