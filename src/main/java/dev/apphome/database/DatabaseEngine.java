package dev.apphome.database;

import dev.apphome.config.ConfigEnum;

/** The database engine. */
public enum DatabaseEngine implements ConfigEnum {
    POSTGRES("postgres", 5432),
    MYSQL("mysql", 3306);

    private final String configValue;
    private final int port;

    DatabaseEngine(String configValue, int port) {
        this.configValue = configValue;
        this.port = port;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public int port() {
        return port;
    }
}
