package dev.apphome.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The jar's fingerprint changes with any source or pom change, and only then. */
class FreshnessCheckTest {

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/main/java/x"));
        Files.writeString(dir.resolve("src/main/java/x/A.java"), "class A {}");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        return dir;
    }

    @Test
    void sameSourcesGiveTheSameFingerprint(@TempDir Path dir) throws Exception {
        project(dir);
        Files.writeString(dir.resolve("README.md"), "not a source");

        String before = FreshnessCheck.fingerprint(dir);
        Files.writeString(dir.resolve("README.md"), "edited, still not a source");

        assertEquals(before, FreshnessCheck.fingerprint(dir));
        assertEquals(64, before.length());
    }

    @Test
    void anEditedSourceChangesTheFingerprint(@TempDir Path dir) throws Exception {
        project(dir);
        String before = FreshnessCheck.fingerprint(dir);

        Files.writeString(dir.resolve("src/main/java/x/A.java"), "class A { int b; }");

        assertNotEquals(before, FreshnessCheck.fingerprint(dir));
    }

    @Test
    void aRenamedSourceChangesTheFingerprint(@TempDir Path dir) throws Exception {
        project(dir);
        String before = FreshnessCheck.fingerprint(dir);

        Files.move(dir.resolve("src/main/java/x/A.java"), dir.resolve("src/main/java/x/B.java"));

        assertNotEquals(before, FreshnessCheck.fingerprint(dir));
    }

    @Test
    void theBuildRecordedTheFingerprintOfTheseSources() {
        // Maven's process-classes phase wrote it from this working tree before the tests ran.
        assertEquals(FreshnessCheck.fingerprint(Path.of("").toAbsolutePath()), FreshnessCheck.builtFingerprint());
    }
}
