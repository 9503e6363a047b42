package dev.apphome.config;

import dev.apphome.loadbalancer.Certificate;
import dev.apphome.service.ImageSource;
import dev.apphome.service.ServiceKind;
import dev.apphome.service.ServiceSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values kept in the committed stacks so that anyone can plan them — {@code example.com}, hosted
 * zone {@code Z0123456789EXAMPLE}, account {@code 123456789012}, {@code oncall@example.com} — which
 * would deploy as if they were real: a certificate that never validates, images nobody can pull,
 * alerts to nobody. {@code pulumi up} refuses a stack that still holds any (previews and offline
 * plans do not), naming each key to change.
 */
public final class Placeholders {

    /** AWS's documentation account, used in examples. */
    static final String EXAMPLE_ACCOUNT = "123456789012";
    private static final Pattern EXAMPLE_DOMAIN = Pattern.compile("(?i)(.*\\.)?(example\\.(com|org|net)|[^.]+\\.(example|test|invalid))\\.?");

    private Placeholders() {
    }

    /** Every key of {@code settings} that still holds a placeholder, as problems of {@code file}. */
    public static List<Problem> in(StackSettings settings, String file) {
        String ns = settings.project() + ":";
        List<Problem> found = new ArrayList<>();
        settings.loadBalancer().ifPresent(lb -> {
            if (lb.certificate() instanceof Certificate.DnsValidated dns) {
                if (EXAMPLE_DOMAIN.matcher(dns.domain()).matches()) {
                    found.add(new Problem(file, ns + "loadBalancer.domain", "is the placeholder '" + dns.domain()
                            + "'; set the domain your users will use"));
                }
                if (dns.hostedZoneId().toUpperCase(java.util.Locale.ROOT).contains("EXAMPLE")) {
                    found.add(new Problem(file, ns + "loadBalancer.hostedZoneId", "is the placeholder '"
                            + dns.hostedZoneId() + "'; set the Route 53 hosted zone of the domain"));
                }
            }
            if (lb.certificate() instanceof Certificate.Existing e && e.certificateArn().contains(":" + EXAMPLE_ACCOUNT + ":")) {
                found.add(new Problem(file, ns + "loadBalancer.certificateArn", "names the example account "
                        + EXAMPLE_ACCOUNT + "; set the ARN of your certificate"));
            }
        });
        for (ServiceSettings s : settings.services()) {
            String path = ns + "services." + s.name();
            if (s.image() != null && ImageSource.of(s.image(), "aws").ecr().filter(e -> e.account().equals(EXAMPLE_ACCOUNT)).isPresent()) {
                found.add(new Problem(file, path + ".image", "names the example account " + EXAMPLE_ACCOUNT
                        + "; set your image's repository"));
            }
            if (s.kind() instanceof ServiceKind.Web web) {
                web.routing().hosts().stream().filter(h -> EXAMPLE_DOMAIN.matcher(h).matches()).forEach(h ->
                        found.add(new Problem(file, path + ".routing.hosts", "holds the placeholder '" + h
                                + "'; set the host names your users will use")));
            }
        }
        settings.alerts().emails().stream().filter(e -> EXAMPLE_DOMAIN.matcher(e.substring(e.indexOf('@') + 1)).matches())
                .forEach(e -> found.add(new Problem(file, ns + "alerts.emails", "holds the placeholder '" + e
                        + "'; set the address of whoever is on call")));
        return found;
    }

    /** Throws, before anything is deployed, when {@code settings} hold placeholders. */
    public static void refuse(StackSettings settings, String file) {
        List<Problem> found = in(settings, file);
        if (!found.isEmpty()) {
            throw new InvalidSettingsException(found, "pulumi up refuses example values that would deploy as if "
                    + "they were real (previews and bin/plan accept them)");
        }
    }
}
