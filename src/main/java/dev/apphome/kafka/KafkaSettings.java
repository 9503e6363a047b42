package dev.apphome.kafka;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * The stack's Kafka cluster ({@code kafka}): Amazon MSK, provisioned brokers in the private
 * subnets, IAM authentication over TLS only, encrypted at rest with the stack's key.
 *
 * @param kafkaVersion         the Kafka version as MSK names it
 * @param instanceType         broker instance type
 * @param brokers              how many brokers, spread evenly over the AZs
 * @param volumeSizeGb         EBS storage per broker at creation
 * @param maxVolumeSizeGb      the storage autoscaling ceiling per broker
 * @param storageTargetPercent the disk use per broker that storage autoscaling keeps below
 */
public record KafkaSettings(
        @Key(doc = "Kafka version as MSK names it (MSK picks the patch for `.x`)", dflt = "3.8.x",
                pattern = "\\d+\\.\\d+\\.(\\d+|x)(\\.kraft)?",
                allowed = "an MSK Kafka version such as 3.8.x or 3.9.x") String kafkaVersion,
        @Key(doc = "broker instance type, e.g. `kafka.m7g.large`", required = true, pattern = "kafka\\.[a-z0-9]+\\.[a-z0-9]+",
                allowed = "an MSK broker type such as kafka.t3.small or kafka.m7g.large") String instanceType,
        @Key(doc = "brokers, spread evenly over the AZs: a multiple of the network's availabilityZones, at most 3 of "
                + "which MSK uses", derived = "one per AZ", min = 2, max = 30) Integer brokers,
        @Key(doc = "EBS storage per broker at creation; autoscaling owns it after that", unit = "GiB", dflt = "100",
                min = 1, max = 16384) int volumeSizeGb,
        @Key(doc = "storage autoscaling ceiling per broker; equal to volumeSizeGb turns autoscaling off", unit = "GiB",
                derived = "4 × volumeSizeGb, at most 16384", min = 1, max = 16384) Integer maxVolumeSizeGb,
        @Key(doc = "disk use per broker that storage autoscaling keeps below (AWS suggests 50–60)", unit = "%",
                dflt = "60", min = 10, max = 80) int storageTargetPercent) {

    /** AWS's quota of brokers per cluster. */
    static final int MAX_BROKERS = 30;

    public KafkaSettings {
        maxVolumeSizeGb = maxVolumeSizeGb != null ? maxVolumeSizeGb : Math.min(16384, volumeSizeGb * 4);
    }

    public static final List<Rule<KafkaSettings>> RULES = List.of(
            Rule.of("kafkaVersion", k -> supported(k.kafkaVersion),
                    k -> "found '" + k.kafkaVersion + "'; allowed: 3.7 or later (MSK no longer creates clusters with older "
                            + "versions), such as 3.8.x"),
            Rule.of("maxVolumeSizeGb", k -> k.maxVolumeSizeGb >= k.volumeSizeGb,
                    k -> "found " + k.maxVolumeSizeGb + ", below volumeSizeGb " + k.volumeSizeGb + "; allowed: at least "
                            + "volumeSizeGb (MSK never shrinks a broker's storage)"));

    private static boolean supported(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 3 || major == 3 && minor >= 7;
    }

    /**
     * How many AZs the brokers span: MSK takes two or three subnets in distinct AZs (exactly two in US West (N.
     * California)), so the network's first three AZs at most.
     */
    public static int zones(int networkZones, String region) {
        return Math.min(networkZones, region.equals("us-west-1") ? 2 : 3);
    }

    /** The broker count, one per AZ when the stack file sets none. */
    public int brokerCount(int zones) {
        return brokers != null ? brokers : zones;
    }

    /** Whether storage autoscaling is on: a ceiling above the initial size. */
    public boolean autoscaling() {
        return maxVolumeSizeGb > volumeSizeGb;
    }
}
