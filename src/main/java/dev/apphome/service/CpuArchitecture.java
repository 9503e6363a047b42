package dev.apphome.service;

import dev.apphome.config.ConfigEnum;

/** The CPU architecture the task runs on; its image must be built for it. */
public enum CpuArchitecture implements ConfigEnum {
    X86_64("x86_64"),
    /** Graviton: about 20 % cheaper per vCPU-hour, but Fargate Spot does not run ARM64 tasks. */
    ARM64("arm64");

    private final String configValue;

    CpuArchitecture(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
