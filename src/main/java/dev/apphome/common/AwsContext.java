package dev.apphome.common;

import com.pulumi.core.Output;

/**
 * Where the stack is deployed: the account (known only once AWS answers) and the region and
 * partition (known from the stack file).
 *
 * @param accountId the 12-digit account id, from {@code aws:index/getCallerIdentity}
 * @param region    the region, e.g. {@code eu-west-1}
 * @param partition the ARN partition: {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 */
public record AwsContext(Output<String> accountId, String region, String partition) {

    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public Output<String> arn(String service, String resource) {
        return accountId.applyValue(id -> "arn:" + partition + ":" + service + ":" + region + ":" + id + ":" + resource);
    }

    /** The account root principal, which key policies must name so IAM policies can grant key use. */
    public Output<String> rootPrincipal() {
        return accountId.applyValue(id -> "arn:" + partition + ":iam::" + id + ":root");
    }

    /** A service principal in this region, e.g. {@code logs.eu-west-1.amazonaws.com}. */
    public String regionalPrincipal(String service) {
        return service + "." + region + ".amazonaws.com";
    }
}
