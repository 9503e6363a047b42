package dev.apphome.service;

import dev.apphome.schema.Spelling;

/** The CPU architecture the task runs on; its image must be built for it. */
public enum CpuArchitecture {
    @Spelling("x86_64")
    X86_64,
    /** Graviton: about 20 % cheaper per vCPU-hour, but Fargate Spot does not run ARM64 tasks. */
    ARM64
}
