package dev.apphome.edge;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

/** What a distribution serves; each origin has only the keys that apply to it. */
@Choice
public sealed interface Origin {

    /**
     * A static site from a private bucket, read through Origin Access Control.
     *
     * @param bucket            a bucket of {@code buckets} holding the site; null: a bucket of its own
     * @param defaultRootObject the object served for {@code /}
     * @param spaFallback       answer 403 and 404 with {@code /index.html} and 200, for a single-page app's routes
     */
    @Variant("site")
    record Site(
            @Key(doc = "a bucket of `buckets` to serve (origin site: none gives the distribution a bucket of its own)",
                    pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "the name of a bucket in buckets") String bucket,
            @Key(doc = "object served for `/`", dflt = "index.html", pattern = "[A-Za-z0-9._/-]{1,255}",
                    allowed = "an object key such as index.html, without a leading /") String defaultRootObject,
            @Key(doc = "answer 403 and 404 with `/index.html` and 200 (a single-page app's client-side routes)",
                    dflt = "false") boolean spaFallback) implements Origin {
    }

    /**
     * Media from an application bucket, cached long; range requests work as they do against S3.
     *
     * @param bucket              the bucket of {@code buckets} holding the media
     * @param defaultTtlSeconds   how long an object is cached when the origin sets no Cache-Control
     * @param maxTtlSeconds       the longest any object is cached
     * @param signedUrlsPublicKey a PEM public key; when set, only URLs signed with its private key are served
     */
    @Variant("media")
    record Media(
            @Key(doc = "a bucket of `buckets` to serve (origin site: none gives the distribution a bucket of its own)",
                    required = true, pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "the name of a bucket in buckets")
            String bucket,
            @Key(doc = "seconds an object is cached when the bucket sets no Cache-Control", unit = "seconds",
                    dflt = "86400", min = 0, max = 31536000) int defaultTtlSeconds,
            @Key(doc = "seconds any object is cached at most", unit = "seconds", dflt = "31536000", min = 1,
                    max = 31536000) int maxTtlSeconds,
            @Key(doc = "a PEM RSA public key: only URLs signed with its private key are served (a key group of it)",
                    pattern = "(?s)-----BEGIN PUBLIC KEY-----.+-----END PUBLIC KEY-----\\s*",
                    allowed = "a PEM public key from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----")
            String signedUrlsPublicKey) implements Origin {
    }

    /**
     * The stack's load balancer, reached over HTTPS at {@code loadBalancer.domain}; nothing is cached.
     *
     * @param admitOnlyCloudFront let only CloudFront's origin-facing addresses reach the load balancer
     */
    @Variant("loadBalancer")
    record LoadBalancer(
            @Key(doc = "the load balancer admits only CloudFront's origin-facing addresses (AWS's managed prefix "
                    + "list) on 443, instead of the internet on 80 and 443", dflt = "true") boolean admitOnlyCloudFront)
            implements Origin {
    }

    /** How stack files spell the origin. */
    default String label() {
        return getClass().getAnnotation(Variant.class).value();
    }
}
