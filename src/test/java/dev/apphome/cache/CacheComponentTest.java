package dev.apphome.cache;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.network.Firewall;
import dev.apphome.support.Components;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cache alone, with settings built here. Mocks cannot prove a node type or version exists in a region. */
class CacheComponentTest {

    private static final String GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

    @Test
    void valkeyByDefaultOnOneNodeWithTlsAndAuth() {
        var settings = Components.settings(CacheSettings.class, Map.of("nodeType", "cache.t4g.micro"));
        var group = Components.declare(s -> new Cache("cache", settings, s.stores())).ofType(GROUP).get(0);

        assertEquals(List.of("valkey", "8.0", 1L, false, true, "required", 6379L), List.of(group.input("engine"),
                group.input("engineVersion"), group.input("numCacheClusters"), group.input("automaticFailoverEnabled"),
                group.input("transitEncryptionEnabled"), group.input("transitEncryptionMode"), group.input("port")));
    }

    @Test
    void redisWithReplicasFailsOverAcrossZones() {
        var settings = Components.settings(CacheSettings.class, Map.of("engine", "redis", "nodeType", "cache.r6g.large",
                "replicas", 2, "multiAz", true, "snapshotRetentionDays", 7));
        var group = Components.declare(s -> new Cache("cache", settings, s.stores())).ofType(GROUP).get(0);

        assertEquals(List.of("redis", "7.1", 3L, true, true, 7L), List.of(group.input("engine"), group.input("engineVersion"),
                group.input("numCacheClusters"), group.input("automaticFailoverEnabled"), group.input("multiAzEnabled"),
                group.input("snapshotRetentionLimit")));
    }

    @Test
    void aClientIsAdmittedOnThePortAndGetsTheTokenBySecret() {
        var settings = Components.settings(CacheSettings.class, Map.of("nodeType", "cache.t4g.micro"));
        var connection = new Connection[1];
        var alarms = new Object[1];
        var plan = Components.declare(s -> {
            var cache = new Cache("cache", settings, s.stores());
            connection[0] = cache.connect(new Client("worker", new Firewall("worker", "a client", s.network(2).vpcId(),
                    cache)), true);
            alarms[0] = cache.alarms(Components.settings(AlertSettings.class, Map.of()));
        });
        var ingress = plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "cache-sg-in-worker-sg-6379");

        assertEquals("worker-sg", source(plan, ingress, "referencedSecurityGroupId").name());
        assertEquals(List.of("CACHE_HOST", "CACHE_PORT", "CACHE_TLS"), connection[0].environment().keySet().stream().sorted().toList());
        assertEquals(List.of("CACHE_AUTH_TOKEN"), List.copyOf(connection[0].secrets().keySet()));
        @SuppressWarnings("unchecked") var specs = (List<Alerts.AlarmSpec>) alarms[0];
        assertEquals(List.of("EngineCPUUtilization", "DatabaseMemoryUsagePercentage"), specs.stream().map(Alerts.AlarmSpec::metric).toList());
    }

    @Test
    void theGroupTakesItsTokenFromTheStoredSecretSoTheTwoCannotDisagree() {
        var plan = Components.declare(s -> new Cache("cache", Components.settings(CacheSettings.class,
                Map.of("nodeType", "cache.t4g.micro")), s.stores()));
        var group = plan.ofType(GROUP).get(0);

        // Drawn on every run, stored once by the version; the group reads the stored value, never a fresh draw.
        assertEquals(List.of("cache-auth-token"), dev.apphome.support.Plans.names(
                dev.apphome.support.Plans.sources(plan, group, "authToken")));
        assertEquals("aws:secretsmanager/secretVersion:SecretVersion",
                source(plan, group, "authToken").type());
        assertEquals("[secret]", group.input("authToken"));
        assertEquals(List.of(), group.options().ignoreChanges());
        assertEquals(true, group.options().deleteBeforeReplace(), "its id is fixed: a replacement deletes the old one first");
    }

    @Test
    void applyImmediatelyIsSetOnlyWhenAsked() {
        var now = Components.declare(s -> new Cache("cache", Components.settings(CacheSettings.class,
                Map.of("nodeType", "cache.t4g.micro", "applyImmediately", true)), s.stores())).ofType(GROUP).get(0);
        var later = Components.declare(s -> new Cache("cache", Components.settings(CacheSettings.class,
                Map.of("nodeType", "cache.t4g.micro")), s.stores())).ofType(GROUP).get(0);

        assertEquals(true, now.input("applyImmediately"));
        assertEquals(null, later.input("applyImmediately"));
    }
}
