package dev.apphome.common;

import java.util.List;

/**
 * A number of days CloudWatch Logs accepts as a log group's retention; any other number is refused
 * by the CloudWatch API at deploy time, so it cannot be represented here.
 *
 * @param days the retention in days
 */
public record LogRetention(int days) {

    /** The retention periods CloudWatch Logs accepts. */
    public static final List<Integer> ALLOWED = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public LogRetention {
        if (!ALLOWED.contains(days)) {
            throw new IllegalArgumentException(days + " is not a retention period CloudWatch Logs accepts");
        }
    }
}
