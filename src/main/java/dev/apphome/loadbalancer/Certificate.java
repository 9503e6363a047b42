package dev.apphome.loadbalancer;

/** Where the HTTPS listener's certificate comes from. */
public sealed interface Certificate {

    /** No certificate: the listener serves plain HTTP. Only when the stack spells out {@code plainHttp: true}. */
    record None() implements Certificate {
    }

    /** An ACM certificate that already exists, by ARN. */
    record Existing(String arn) implements Certificate {
    }

    /** A certificate requested from ACM and validated through a record in a Route 53 hosted zone. */
    record DnsValidated(String domain, String hostedZoneId) implements Certificate {
    }

    static Certificate none() {
        return new None();
    }

    static Certificate existing(String arn) {
        return new Existing(arn);
    }

    static Certificate dnsValidated(String domain, String hostedZoneId) {
        return new DnsValidated(domain, hostedZoneId);
    }
}
