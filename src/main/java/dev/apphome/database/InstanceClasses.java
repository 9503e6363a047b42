package dev.apphome.database;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of RDS instance classes, from their family and size, and an estimate of the memory RDS
 * leaves to the engine ({@code DBInstanceClassMemory}): the class's memory less 256 MiB and 2 % for
 * the operating system and RDS's own processes. That reproduces, within 3 %, the default
 * {@code max_connections} RDS reports for PostgreSQL (198 on 2 GiB, 413 on 4 GiB, 856 on 8 GiB,
 * 1660 on 15.25 GiB); the exact figure is known only to RDS.
 */
public final class InstanceClasses {

    private static final Pattern CLASS = Pattern.compile("db\\.([a-z]+)(\\d+)([a-z]*)\\.(micro|small|medium|large|xlarge|(\\d+)xlarge)");
    /** GiB of the size "large" per family letter; xlarge doubles it, Nxlarge multiplies xlarge by N. */
    private static final Map<String, Double> LARGE_GIB = Map.of("t", 8.0, "m", 8.0, "r", 16.0, "x", 32.0, "z", 16.0);
    private static final Map<String, Double> SMALL_T_GIB = Map.of("micro", 1.0, "small", 2.0, "medium", 4.0);
    private static final long RESERVED_BYTES = 256L * 1024 * 1024;

    private InstanceClasses() {
    }

    /** The class's memory in GiB, when its family and size are known. */
    public static Optional<Double> memoryGib(String instanceClass) {
        Matcher m = CLASS.matcher(instanceClass);
        if (!m.matches()) {
            return Optional.empty();
        }
        String family = m.group(1);
        String size = m.group(4);
        if (SMALL_T_GIB.containsKey(size)) {
            return family.equals("t") ? Optional.of(SMALL_T_GIB.get(size)) : Optional.empty();
        }
        Double large = LARGE_GIB.get(family);
        if (large == null) {
            return Optional.empty();
        }
        if (size.equals("large")) {
            return Optional.of(large);
        }
        int times = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
        return Optional.of(large * 2 * times);
    }

    /** What RDS calls DBInstanceClassMemory, in bytes. */
    static Optional<Long> engineMemoryBytes(String instanceClass) {
        return memoryGib(instanceClass).map(gib -> {
            long bytes = (long) (gib * 1024 * 1024 * 1024);
            return bytes - RESERVED_BYTES - bytes / 50;
        });
    }
}
