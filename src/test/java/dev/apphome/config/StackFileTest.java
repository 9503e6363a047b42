package dev.apphome.config;



import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StackFileTest {

    private static List<String> problems(Path file) {
        var e = assertThrows(InvalidSettingsException.class, () -> StackFile.load(file));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void passesValuesTheWayTheCliDoes() {
        var source = StackFile.load(Stacks.write("test", """
                config:
                  aws:region: eu-west-1
                  apphome:logRetentionDays: 30
                  apphome:protectResources: false
                  apphome:network:
                    availabilityZones: 3
                    subnetPrefixes: {private: 21}
                """));

        assertEquals(Map.of(
                "aws:region", "eu-west-1",
                "apphome:logRetentionDays", "30",
                "apphome:protectResources", "false",
                "apphome:network", "{\"availabilityZones\":3,\"subnetPrefixes\":{\"private\":21}}"), source.values());
        assertEquals(Set.of(), source.secretKeys());
    }

    @Test
    void keepsOnlyTheFactThatASecureValueExists() {
        var source = StackFile.load(Stacks.write("test", """
                encryptionsalt: v1:c2FsdA==:v1:bm9uY2U=:Y2hlY2s=
                config:
                  apphome:apiToken:
                    secure: v1:bm9uY2Vub25jZQ==:Y2lwaGVydGV4dA==
                """));

        assertEquals(Set.of("apphome:apiToken"), source.secretKeys());
        assertEquals(StackFile.PLACEHOLDER_SECRET, source.values().get("apphome:apiToken"));
        assertFalse(source.values().toString().contains("Y2lwaGVydGV4dA"));
    }

    @Test
    void brokenYamlIsReportedWithLineAndColumn() {
        assertEquals(List.of("Pulumi.test.yaml: line 3, column 13: is not valid YAML: expected ',' or '}', but got : "
                        + "(while parsing a flow mapping)"),
                problems(Stacks.write("test", """
                        config:
                          apphome:network: {cidr: 10.0.0.0/16
                          aws:region: eu-west-1
                        """)));
    }

    @Test
    void duplicateKeysAreRefused() {
        var found = problems(Stacks.write("test", """
                config:
                  aws:region: eu-west-1
                  aws:region: eu-west-2
                """));

        assertEquals(1, found.size());
        assertEquals("Pulumi.test.yaml: line 3, column 3: is not valid YAML: found duplicate key aws:region "
                + "(while constructing a mapping)", found.get(0));
    }

    @Test
    void unknownTopLevelKeysAndKeysWithoutNamespaceAreAllReported() {
        assertEquals(List.of(
                        "Pulumi.test.yaml: confg: unknown top-level key; did you mean 'config'?; allowed: config, "
                                + "encryptionsalt, secretsprovider, encryptedkey, environment",
                        "Pulumi.test.yaml: network: has no namespace; allowed: namespace:key such as apphome:network"),
                problems(Stacks.write("test", """
                        confg: {}
                        config:
                          network: {}
                        """)));
    }

    @Test
    void aMissingFileSaysWhatWasExpected() {
        Path missing = Path.of("/nonexistent/Pulumi.nope.yaml");
        assertEquals(List.of("Pulumi.nope.yaml: (file): does not exist at /nonexistent/Pulumi.nope.yaml; allowed: a stack "
                + "name with a Pulumi.<name>.yaml next to Pulumi.yaml, or a path to a stack file"), problems(missing));
    }
}
