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

    private static void git(Path dir, String... args) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString()));
        command.addAll(java.util.List.of(args));
        assertEquals(0, new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(), String.join(" ", args));
    }

    private static Path tracked(Path dir) throws Exception {
        project(dir);
        git(dir, "init", "-q");
        git(dir, "add", "src", "pom.xml");
        return dir;
    }

    @Test
    void filesGitDoesNotTrackLeaveTheFingerprintAlone(@TempDir Path dir) throws Exception {
        tracked(dir);
        String before = FreshnessCheck.fingerprint(dir);

        Files.writeString(dir.resolve("src/main/java/x/.A.java.swp"), "editor swap file");
        Files.writeString(dir.resolve("src/main/java/x/A.java~"), "editor backup");
        Files.writeString(dir.resolve("src/main/java/x/notes.txt"), "untracked, not compiled");

        assertEquals(before, FreshnessCheck.fingerprint(dir));
    }

    @Test
    void anUntrackedJavaSourceCountsBecauseMavenCompilesIt(@TempDir Path dir) throws Exception {
        tracked(dir);
        String before = FreshnessCheck.fingerprint(dir);

        Files.writeString(dir.resolve("src/main/java/x/B.java"), "class B {}");

        assertNotEquals(before, FreshnessCheck.fingerprint(dir));
    }

    @Test
    void anEditedOrDeletedTrackedSourceChangesTheFingerprint(@TempDir Path dir) throws Exception {
        tracked(dir);
        String before = FreshnessCheck.fingerprint(dir);

        Files.writeString(dir.resolve("src/main/java/x/A.java"), "class A { int b; }");
        String edited = FreshnessCheck.fingerprint(dir);
        Files.delete(dir.resolve("src/main/java/x/A.java"));

        assertNotEquals(before, edited);
        assertNotEquals(edited, FreshnessCheck.fingerprint(dir));
        assertNotEquals(before, FreshnessCheck.fingerprint(dir));
    }

    @Test
    void outsideAWorkTreeHiddenFilesAndBackupsAreNotSources(@TempDir Path dir) throws Exception {
        project(dir);
        String before = FreshnessCheck.fingerprint(dir);

        Files.writeString(dir.resolve("src/main/java/x/.A.java.swp"), "editor swap file");
        Files.writeString(dir.resolve("src/main/java/x/A.java~"), "editor backup");

        assertEquals(before, FreshnessCheck.fingerprint(dir));
    }

    @Test
    void theBuildRecordedTheFingerprintOfTheseSources() {
        // Maven's process-classes phase wrote it from this working tree before the tests ran.
        assertEquals(FreshnessCheck.fingerprint(Path.of("").toAbsolutePath()), FreshnessCheck.builtFingerprint());
    }
}
