package dev.apphome.database;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * An RDS Proxy in front of the database ({@code database.proxy}): services connect to it, over TLS
 * only, and it pools their connections to the database with the RDS-managed master secret.
 *
 * @param maxConnectionsPercent          the share of the database's max_connections the pool may open
 * @param maxIdleConnectionsPercent      the share it keeps open while idle
 * @param connectionBorrowTimeoutSeconds how long a client waits for a pooled connection
 * @param idleClientTimeoutSeconds       how long a client connection may stay idle before the proxy closes it
 * @param iamAuth                        whether clients sign in with IAM instead of the password
 */
public record ProxySettings(
        @Key(doc = "the share of the database's max_connections the pool may open (AWS's default)", unit = "%",
                dflt = "100", min = 1, max = 100) int maxConnectionsPercent,
        @Key(doc = "the share of max_connections the pool keeps open while idle; at most maxConnectionsPercent (AWS's "
                + "default)", unit = "%", dflt = "50", min = 0, max = 100) int maxIdleConnectionsPercent,
        @Key(doc = "how long a client waits for a pooled connection before it gets an error (AWS's default)",
                unit = "seconds", dflt = "120", min = 0, max = 3600) int connectionBorrowTimeoutSeconds,
        @Key(doc = "client connections idle this long are closed (AWS's default)", unit = "seconds", dflt = "1800",
                min = 1, max = 28800) int idleClientTimeoutSeconds,
        @Key(doc = "clients sign in with IAM (rds-db:connect) instead of the password: services get `DB_USER` and "
                + "`DB_IAM_AUTH`, and no credentials", dflt = "false") boolean iamAuth) {

    public static final List<Rule<ProxySettings>> RULES = List.of(
            Rule.of("maxIdleConnectionsPercent", p -> p.maxIdleConnectionsPercent <= p.maxConnectionsPercent,
                    p -> "found " + p.maxIdleConnectionsPercent + ", above maxConnectionsPercent " + p.maxConnectionsPercent
                            + "; allowed: at most maxConnectionsPercent (RDS keeps idle connections out of the pool it "
                            + "may open)"));
}
