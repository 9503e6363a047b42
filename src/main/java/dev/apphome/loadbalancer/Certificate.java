package dev.apphome.loadbalancer;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

/** Where the HTTPS listener's certificate comes from, chosen by which keys the stack file sets. */
@Choice(byPresence = true, requiredWhen = "the stack has web services")
public sealed interface Certificate {

    /** No certificate: the listener serves plain HTTP. Only when the stack spells out {@code plainHttp: true}. */
    @Variant(value = "plain HTTP", whenPresent = "plainHttp")
    record PlainHttp(
            @Key(doc = "serve plain HTTP without TLS (development only)", required = true) boolean plainHttp)
            implements Certificate {
    }

    /** An ACM certificate that already exists, by ARN. */
    @Variant(value = "existing certificate", whenPresent = "certificateArn")
    record Existing(
            @Key(doc = "an existing ACM certificate", required = true,
                    pattern = "arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+",
                    allowed = "an ACM certificate ARN such as arn:aws:acm:eu-west-1:123456789012:certificate/…")
            String certificateArn) implements Certificate {
    }

    /** A certificate requested from ACM and validated through a record in a Route 53 hosted zone. */
    @Variant(value = "DNS-validated certificate", whenPresent = {"domain", "hostedZoneId"})
    record DnsValidated(
            @Key(doc = "a DNS-validated certificate for this name", required = true,
                    pattern = "(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}",
                    allowed = "a DNS name such as app.example.com") String domain,
            @Key(doc = "the Route 53 hosted zone of `domain`", required = true, pattern = "Z[A-Z0-9]{1,31}",
                    allowed = "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ") String hostedZoneId)
            implements Certificate {
    }
}
