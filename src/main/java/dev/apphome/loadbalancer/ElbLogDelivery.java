package dev.apphome.loadbalancer;

import java.util.Map;
import java.util.Optional;

/**
 * Who writes a load balancer's access logs into S3. Regions opened before August 2022 deliver as a
 * regional Elastic Load Balancing account; newer ones as the log-delivery service principal. The
 * bucket policy names both where both exist, so it is right in every region.
 */
final class ElbLogDelivery {

    static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

    private static final Map<String, String> REGIONAL_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"),
            Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"),
            Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"),
            Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-south-1", "718504428378"),
            Map.entry("ap-northeast-1", "582318560864"),
            Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-northeast-3", "383597477331"),
            Map.entry("ap-southeast-1", "114774131450"),
            Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ca-central-1", "985666609251"),
            Map.entry("eu-central-1", "054676820928"),
            Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"),
            Map.entry("eu-west-3", "009996457667"),
            Map.entry("eu-south-1", "635631232127"),
            Map.entry("eu-north-1", "897822967062"),
            Map.entry("me-south-1", "076674570225"),
            Map.entry("sa-east-1", "507241528517"),
            Map.entry("us-gov-west-1", "048591011584"),
            Map.entry("us-gov-east-1", "190560391635"),
            Map.entry("cn-north-1", "638102146993"),
            Map.entry("cn-northwest-1", "037604701340"));

    private ElbLogDelivery() {
    }

    /** The regional ELB account's root ARN, for regions that deliver logs that way. */
    static Optional<String> regionalAccountArn(String region, String partition) {
        return Optional.ofNullable(REGIONAL_ACCOUNTS.get(region)).map(id -> "arn:" + partition + ":iam::" + id + ":root");
    }
}
