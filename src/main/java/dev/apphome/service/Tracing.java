package dev.apphome.service;

import dev.apphome.schema.Key;

/**
 * X-Ray tracing for a service: a daemon beside its container, to which the application's X-Ray or
 * OpenTelemetry SDK sends segments on {@code 127.0.0.1:2000} ({@code AWS_XRAY_DAEMON_ADDRESS}).
 *
 * @param enabled whether the service is traced
 */
public record Tracing(@Key(doc = "trace with X-Ray: a daemon sidecar and the task role's X-Ray rights", dflt = "false")
                      boolean enabled) {

    /** The daemon's image, from AWS's public registry. */
    public static final String DAEMON_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:3.3.13";
    /** What the daemon takes of the task: CPU units and MiB. */
    public static final int DAEMON_CPU = 32;
    public static final int DAEMON_MEMORY = 256;
}
