package dev.apphome.edge;

import dev.apphome.common.UsEast1;
import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFront distribution ({@code distributions.<name>}): HTTPS only with TLS 1.2 (2021 ciphers),
 * HTTP/2 and HTTP/3, compressed, security headers, a CloudFront-scope WAF web ACL and access logs by
 * default.
 *
 * @param name                   the distribution's name in the stack
 * @param origin                 what it serves
 * @param aliases                domain names it answers to
 * @param hostedZoneId           the Route 53 zone of the aliases: a DNS-validated certificate and alias records
 * @param certificateArn         an existing ACM certificate in us-east-1 covering the aliases
 * @param priceClass             the edge locations it uses
 * @param waf                    whether a web ACL guards it
 * @param rateLimitPer5Minutes   requests one IP may send in 5 minutes before the web ACL blocks it
 * @param accessLogs             whether access logs are delivered to the stack's private CloudFront log bucket
 * @param contentSecurityPolicy  the Content-Security-Policy header; null: none
 */
public record DistributionSettings(
        @Name(noun = "distribution", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "2 to 20 lowercase letters, "
                + "digits and hyphens, starting with a letter") String name,
        @Key(doc = "what it serves: `site` (a static site from a private bucket), `media` (an application bucket, "
                + "cached long) or `loadBalancer` (the stack's load balancer)", required = true,
                allowed = "site, media or loadBalancer") Origin origin,
        @Key(doc = "domain names it answers to (needs `hostedZoneId` or `certificateArn`)") List<String> aliases,
        @Key(doc = "Route 53 hosted zone of the aliases: a certificate validated there (in us-east-1) and A and AAAA "
                + "alias records", pattern = "Z[A-Z0-9]{1,31}",
                allowed = "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ") String hostedZoneId,
        @Key(doc = "an existing ACM certificate in us-east-1 covering the aliases",
                pattern = "arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+",
                allowed = "an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/…")
        String certificateArn,
        @Key(doc = "edge locations: `priceClass100` (North America, Europe), `priceClass200`, `priceClassAll`",
                dflt = "priceClass100") PriceClass priceClass,
        @Key(doc = "a CloudFront-scope WAF web ACL (in us-east-1): AWS managed rules and a per-IP rate limit",
                dflt = "true") boolean waf,
        @Key(doc = "requests one IP may send in 5 minutes before WAF blocks it", dflt = "2000", min = 100,
                max = 2_000_000_000) int rateLimitPer5Minutes,
        @Key(doc = "access logs (standard logging v2) to the stack's private CloudFront log bucket", dflt = "true")
        boolean accessLogs,
        @Key(doc = "the Content-Security-Policy response header; none: not sent") String contentSecurityPolicy) {

    private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");
    private static final Pattern ACM_REGION = Pattern.compile("arn:aws[a-z-]*:acm:([a-z0-9-]+):.*");

    public DistributionSettings {
        aliases = List.copyOf(aliases);
    }

    public static final List<Rule<DistributionSettings>> RULES = List.of(
            Rule.each(d -> {
                List<Rule.Violation> found = new ArrayList<>();
                d.aliases.stream().filter(a -> !DOMAIN.matcher(a).matches()).forEach(a -> found.add(new Rule.Violation(
                        "aliases", "found '" + a + "', which is not a domain name; allowed: names such as "
                        + "www.example.com or *.example.com, lowercase, without scheme or path")));
                return found;
            }),
            Rule.of("aliases", d -> d.aliases.isEmpty() || d.hostedZoneId != null || d.certificateArn != null,
                    d -> "found " + d.aliases + " without hostedZoneId or certificateArn, so no certificate could cover "
                            + "them; allowed: hostedZoneId (a certificate validated in that zone, and alias records), "
                            + "or certificateArn (an ACM certificate in us-east-1)"),
            Rule.of("hostedZoneId", d -> d.hostedZoneId == null || !d.aliases.isEmpty(),
                    "is set without aliases; allowed: aliases, the names to certify and point at the distribution"),
            Rule.of("certificateArn", d -> d.certificateArn == null || !d.aliases.isEmpty(),
                    "is set without aliases, and CloudFront serves a custom certificate only for its aliases; allowed: "
                            + "aliases the certificate covers"),
            Rule.of("certificateArn", d -> d.certificateArn == null || d.hostedZoneId == null,
                    "is set with hostedZoneId; allowed: one of them (hostedZoneId requests and validates a certificate)"),
            Rule.of("certificateArn", d -> d.certificateArn == null || UsEast1.REGION.equals(region(d.certificateArn)),
                    d -> "found a certificate in " + region(d.certificateArn) + "; allowed: an ACM certificate in "
                            + "us-east-1 (CloudFront takes viewer certificates only from there; request or import it "
                            + "there), or hostedZoneId to have one made"),
            Rule.of("rateLimitPer5Minutes", d -> d.waf || d.rateLimitPer5Minutes == 2000,
                    "is set while waf is false; allowed: waf: true (the web ACL enforces the limit)"));

    private static String region(String arn) {
        Matcher m = ACM_REGION.matcher(arn);
        return m.matches() ? m.group(1) : "";
    }

    /** The bucket of {@code buckets} the distribution serves, if it serves one. */
    public String bucket() {
        if (origin instanceof Origin.Site s) {
            return s.bucket();
        }
        return origin instanceof Origin.Media m ? m.bucket() : null;
    }
}
