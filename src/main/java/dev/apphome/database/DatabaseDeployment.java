package dev.apphome.database;

import dev.apphome.config.ConfigEnum;

/** How the database is deployed. */
public enum DatabaseDeployment implements ConfigEnum {
    /** One RDS instance, optionally Multi-AZ with a standby. */
    INSTANCE("instance"),
    /** An Aurora cluster: one writer plus {@code readers} readers. */
    AURORA("aurora");

    private final String configValue;

    DatabaseDeployment(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
