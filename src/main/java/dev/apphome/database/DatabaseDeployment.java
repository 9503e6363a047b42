package dev.apphome.database;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;
import dev.apphome.schema.Variant;

import java.util.List;

/** How the database is deployed; each shape has only the keys that apply to it. */
@Choice
public sealed interface DatabaseDeployment {

    /** Whether a second copy in another AZ takes over when the first fails. */
    boolean multiAz();

    /** The CloudWatch dimension RDS publishes this deployment's metrics under. */
    String metricDimension();

    /** The segment of RDS's log-group names for this deployment: {@code instance} or {@code cluster}. */
    String logGroupKind();

    /**
     * One RDS instance, optionally Multi-AZ with a standby.
     *
     * @param allocatedStorageGb    initial storage
     * @param maxAllocatedStorageGb storage autoscaling ceiling
     * @param multiAz               a synchronous standby in another AZ
     */
    @Variant("instance")
    record Instance(
            @Key(doc = "initial storage", unit = "GiB", dflt = "20", min = 20, max = 65536,
                    after = "instanceClass", onlyBecause = "an Aurora cluster's storage grows by itself")
            int allocatedStorageGb,
            @Key(doc = "storage autoscaling ceiling; at least 10 % above `allocatedStorageGb`", unit = "GiB",
                    derived = "100, or 26 % above allocatedStorageGb when that is larger", min = 22, max = 65536,
                    after = "allocatedStorageGb", onlyBecause = "an Aurora cluster's storage grows by itself")
            Integer maxAllocatedStorageGb,
            @Key(doc = "a standby (instance) or a reader in another AZ (Aurora)", dflt = "false", after = "readers")
            boolean multiAz) implements DatabaseDeployment {

        public Instance {
            // RDS wants the ceiling at least 10 % above the storage, and suggests 26 % so that a full disk
            // is not reached before autoscaling acts.
            maxAllocatedStorageGb = maxAllocatedStorageGb != null ? maxAllocatedStorageGb
                    : Math.max(100, ceilPercent(allocatedStorageGb, 126));
        }

        public static final List<Rule<Instance>> RULES = List.of(
                Rule.of("maxAllocatedStorageGb", i -> i.maxAllocatedStorageGb >= ceilPercent(i.allocatedStorageGb, 110),
                        i -> "found " + i.maxAllocatedStorageGb + " with allocatedStorageGb " + i.allocatedStorageGb
                                + "; allowed: at least " + ceilPercent(i.allocatedStorageGb, 110) + " (RDS refuses "
                                + "an autoscaling ceiling less than 10 % above the storage)"));

        /** {@code gib × percent / 100}, rounded up, in whole numbers. */
        static int ceilPercent(int gib, int percent) {
            return (gib * percent + 99) / 100;
        }

        @Override
        public String metricDimension() {
            return "DBInstanceIdentifier";
        }

        @Override
        public String logGroupKind() {
            return "instance";
        }
    }

    /**
     * An Aurora cluster: one writer plus {@code readers} readers.
     *
     * @param readers readers besides the writer
     * @param multiAz readers in other AZs that the cluster fails over to
     */
    @Variant("aurora")
    record Aurora(
            @Key(doc = "Aurora readers besides the writer", dflt = "0", min = 0, max = 15, after = "maxAllocatedStorageGb",
                    onlyBecause = "use multiAz: true for a standby") int readers,
            @Key(doc = "a standby (instance) or a reader in another AZ (Aurora)", dflt = "false", after = "readers")
            boolean multiAz) implements DatabaseDeployment {

        public static final List<Rule<Aurora>> RULES = List.of(
                Rule.of("multiAz", a -> !a.multiAz || a.readers > 0, "is true for an Aurora cluster with readers: 0; "
                        + "allowed: readers ≥ 1 (an Aurora cluster fails over to a reader)"));

        @Override
        public String metricDimension() {
            return "DBClusterIdentifier";
        }

        @Override
        public String logGroupKind() {
            return "cluster";
        }
    }
}
