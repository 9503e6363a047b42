package dev.apphome.service;

import com.pulumi.aws.xray.SamplingRule;
import com.pulumi.aws.xray.SamplingRuleArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.schema.Key;

import java.util.List;

/**
 * How much of the stack's traffic X-Ray traces ({@code traceSampling}), as one sampling rule for the
 * stack's traced services: a few requests a second always, and a share of the rest.
 *
 * @param percent            share of requests traced beyond the reservoir
 * @param reservoirPerSecond requests a second traced whatever the share
 */
public record TraceSampling(
        @Key(doc = "share of requests traced beyond the reservoir", unit = "%", dflt = "5", min = 0, max = 100) int percent,
        @Key(doc = "requests a second traced whatever the share", dflt = "1", min = 0, max = 1000) int reservoirPerSecond) {

    /** The stack's sampling rule, for the services named {@code <prefix>-*}; X-Ray names rules in 32 characters. */
    public void declare(String prefix, List<ServiceSettings> traced, CustomResourceOptions options) {
        if (traced.isEmpty()) {
            return;
        }
        String ruleName = prefix.length() > 32 ? prefix.substring(0, 32) : prefix;
        new SamplingRule(prefix + "-sampling", SamplingRuleArgs.builder()
                .ruleName(ruleName)
                .priority(1000)
                .version(1)
                .reservoirSize(reservoirPerSecond)
                .fixedRate(percent / 100.0)
                .serviceName(prefix + "-*")
                .serviceType("*")
                .host("*")
                .httpMethod("*")
                .urlPath("*")
                .resourceArn("*")
                .build(), options);
    }
}
