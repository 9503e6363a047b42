package dev.apphome.common;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * The stack's second AWS provider, pinned to us-east-1, whatever the stack's region: CloudFront
 * accepts viewer certificates only from ACM in us-east-1, a web ACL of scope CLOUDFRONT exists only
 * there, and CloudFront's log delivery sources are created there. Made once per stack, only when
 * the stack has something that must live there.
 *
 * <p>An explicit provider does not read the default provider's stack configuration ({@code aws:profile},
 * {@code aws:assumeRole}): it takes credentials from the environment, as the CLI's default chain does.
 *
 * @param provider the provider resource
 */
public record UsEast1(Provider provider) {

    public static final String REGION = "us-east-1";

    public static UsEast1 create(String stackPrefix) {
        return new UsEast1(new Provider(Naming.child(stackPrefix, REGION), ProviderArgs.builder()
                .region(REGION)
                .build()));
    }

    /** A child of {@code parent} declared in us-east-1. */
    public CustomResourceOptions child(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }
}
