package dev.apphome.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's image comes from, read from its reference, and what pulling it needs: an ECR
 * repository is pulled with the execution role's rights to exactly that repository; any other
 * registry is pulled without credentials over the internet, for which the role has nothing to give.
 *
 * @param registry   the registry host, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com} or {@code docker.io}
 * @param ecr        the ECR repository, when the image is in ECR
 */
public record ImageSource(String registry, Optional<Ecr> ecr) {

    /**
     * An ECR repository.
     *
     * @param account    the repository's account
     * @param region     its region
     * @param partition  its ARN partition
     * @param repository its name
     */
    public record Ecr(String account, String region, String partition, String repository) {
        public String arn() {
            return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + repository;
        }
    }

    private static final Pattern ECR_IMAGE = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/([^:@]+)([:@].*)?");

    /** Reads an image reference; {@code partition} is the stack's, used when the host does not say. */
    public static ImageSource of(String image, String partition) {
        Matcher ecr = ECR_IMAGE.matcher(image);
        if (ecr.matches()) {
            String p = ecr.group(3) != null ? "aws-cn" : partition;
            return new ImageSource(image.substring(0, image.indexOf('/')),
                    Optional.of(new Ecr(ecr.group(1), ecr.group(2), p, ecr.group(4))));
        }
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        // Docker's rule: the first part names a registry only if it has a dot or a port, or is localhost.
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return new ImageSource(host ? first : "docker.io", Optional.empty());
    }

    /** Where a service's image is pulled from, in one sentence for the plan, whichever way the stack file names it. */
    public static String describe(ServiceSettings service, String stackRegion) {
        return service.repository()
                .map(r -> "this stack's ECR repository " + r.repository() + ", tag " + r.tag() + " (immutable): the "
                        + "execution role may pull exactly that repository")
                .orElseGet(() -> of(service.image(), "aws").describe(stackRegion));
    }

    /** One sentence for the plan: where the image is pulled from and what that needs. */
    public String describe(String stackRegion) {
        if (ecr.isPresent()) {
            Ecr e = ecr.get();
            return "ECR repository " + e.repository + " in account " + e.account + ", " + e.region
                    + (e.region.equals(stackRegion) ? "" : " (another region: pulls cross regions)")
                    + ": the execution role may pull exactly that repository; if " + e.account + " is not this "
                    + "stack's account, the repository's policy must also allow this account";
        }
        return registry + ", a registry outside ECR: pulled without credentials over the internet (through NAT), "
                + "so the execution role gets no pull rights; a private registry that needs credentials cannot be "
                + "used" + (registry.equals("docker.io") ? ", and Docker Hub limits pulls without an account" : "");
    }
}
