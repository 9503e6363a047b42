package dev.apphome.cache;

import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static dev.apphome.support.Plans.dependents;
import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static dev.apphome.support.Plans.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache as planned. Mocks cannot prove that the engine version exists or that the node type
 * supports the features asked for; they pin encryption, TLS, authentication and failover.
 */
class CacheTest {

    private static PlannedResource group(String stack) {
        return Stacks.plan(stack).ofType("aws:elasticache/replicationGroup:ReplicationGroup").get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void encryptedAtRestWithTheStackKeyAndTlsRequiredWithAnAuthToken(String stack) {
        var plan = Stacks.plan(stack);
        var group = group(stack);

        assertEquals(true, group.input("atRestEncryptionEnabled"));
        assertEquals("aws:kms/key:Key", source(plan, group, "kmsKeyId").type());
        assertEquals(true, group.input("transitEncryptionEnabled"));
        assertEquals("required", group.inputString("transitEncryptionMode"));
        assertEquals("[secret]", group.input("authToken"));
        assertEquals(Set.of("authToken"), group.secretInputs());
        assertEquals("valkey", group.inputString("engine"));
        assertTrue(names(sources(plan, source(plan, group, "subnetGroupName"), "subnetIds")).stream()
                .allMatch(n -> n.contains("-isolated-")));
    }

    @Test
    void prodHasAReplicaWithAutomaticFailoverAndDevOneNode() {
        var prod = group("prod");
        var dev = group("dev");

        assertEquals(List.of(2L, true, true, 7L), List.of(prod.input("numCacheClusters"),
                prod.input("automaticFailoverEnabled"), prod.input("multiAzEnabled"), prod.input("snapshotRetentionLimit")));
        assertEquals(List.of(1L, false, false, 0L), List.of(dev.input("numCacheClusters"),
                dev.input("automaticFailoverEnabled"), dev.input("multiAzEnabled"), dev.input("snapshotRetentionLimit")));
    }

    @Test
    void theAuthTokenIsKeptInAnEncryptedSecretReadableByItsServices() {
        var plan = Stacks.plan("prod");
        var secret = plan.named("aws:secretsmanager/secret:Secret", "apphome-prod-cache-auth-token");
        var version = plan.named("aws:secretsmanager/secretVersion:SecretVersion", "apphome-prod-cache-auth-token");

        assertEquals("aws:kms/key:Key", source(plan, secret, "kmsKeyId").type());
        assertEquals("[secret]", version.input("secretString"));
        var ingress = dependents(plan, source(plan, group("prod"), "securityGroupIds"),
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "securityGroupId");
        assertEquals(List.of("apphome-prod-api-sg", "apphome-prod-worker-sg"), ingress.stream()
                .map(r -> source(plan, r, "referencedSecurityGroupId").name()).sorted().toList());
        assertTrue(ingress.stream().allMatch(r -> Long.valueOf(6379).equals(r.input("fromPort"))));
    }
}
