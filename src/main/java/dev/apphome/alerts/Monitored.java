package dev.apphome.alerts;

import java.util.List;

/** Something that knows which of its own metrics deserve an alarm, given the stack's thresholds. */
public interface Monitored {

    /** The alarms this resource needs, in the order the dashboard shows them. */
    List<Alerts.Alarm> alarms(AlertSettings thresholds);
}
