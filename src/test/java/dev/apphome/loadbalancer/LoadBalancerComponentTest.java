package dev.apphome.loadbalancer;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.support.Components;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The load balancer alone, with settings built here. Mocks cannot prove ACM issues the certificate. */
class LoadBalancerComponentTest {

    private static dev.apphome.plan.PlanRunner.Result plan(Map<String, Object> values) {
        var settings = Components.settings(LoadBalancerSettings.class, values);
        return Components.declare(s -> new LoadBalancer("alb", settings, s.network(2), s.aws(), s.protection(),
                ComponentResourceOptions.Empty));
    }

    @Test
    void anExistingCertificateServesHttpsAndPort80OnlyRedirects() {
        var plan = plan(Map.of("certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123"));
        var listeners = plan.ofType("aws:lb/listener:Listener");

        assertEquals(List.of("alb-http-redirect HTTP 80 redirect", "alb-https HTTPS 443 fixed-response"), listeners.stream()
                .map(l -> l.name() + " " + l.input("protocol") + " " + l.input("port") + " " + l.input("defaultActions.0.type"))
                .sorted().toList());
        assertEquals("arn:aws:acm:eu-west-1:123456789012:certificate/abc-123",
                plan.named("aws:lb/listener:Listener", "alb-https").inputString("certificateArn"));
        assertEquals(List.of(), plan.ofType("aws:acm/certificate:Certificate"));
    }

    @Test
    void plainHttpHasOneListenerAndNoCertificate() {
        var plan = plan(Map.of("plainHttp", true, "waf", false, "accessLogs", false));

        assertEquals(List.of("alb-http"), plan.ofType("aws:lb/listener:Listener").stream().map(l -> l.name()).toList());
        assertEquals(List.of(), plan.ofType("aws:wafv2/webAcl:WebAcl"));
        assertEquals(List.of(), plan.ofType("aws:s3/bucketV2:BucketV2"));
    }

    @Test
    void aDnsValidatedCertificateIsValidatedInTheZone() {
        var plan = plan(Map.of("domain", "app.example.org", "hostedZoneId", "Z0ABCDEF"));
        var record = plan.named("aws:route53/record:Record", "alb-certificate-validation");

        assertEquals("Z0ABCDEF", record.inputString("zoneId"));
        assertEquals("app.example.org", plan.ofType("aws:acm/certificate:Certificate").get(0).inputString("domainName"));
    }
}
