package dev.apphome.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses to run a jar built from other sources than the ones in the working directory. The
 * language host starts {@code target/apphome.jar} directly (no Maven on each preview); without this
 * check, editing the program and forgetting to rebuild would preview the old program silently.
 * The build writes the fingerprint of {@code src/main} and {@code pom.xml} into the jar; at start
 * the same fingerprint is computed from the files on disk and the two must match.
 */
public final class FreshnessCheck {

    static final String RESOURCE = "/apphome-source.sha256";

    private FreshnessCheck() {
    }

    public static void requireFreshBuild() {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("src/main")) || !Files.exists(root.resolve("pom.xml"))) {
            return; // started outside the project (an installed jar): nothing to compare with
        }
        String built = builtFingerprint();
        if (built == null) {
            return; // classes run from an IDE or by Maven itself, not from the packaged jar
        }
        String current = fingerprint(root);
        if (!built.equals(current)) {
            System.err.println("error: target/apphome.jar was built from other sources than the ones in "
                    + root + ".\n  Rebuild it before previewing: mvn -q package -DskipTests\n"
                    + "  (built " + built.substring(0, 12) + ", sources now " + current.substring(0, 12) + ")");
            System.exit(2);
        }
    }

    static String builtFingerprint() {
        try (InputStream in = FreshnessCheck.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 over the relative path and bytes of every file under src/main, in path order, and pom.xml. */
    public static String fingerprint(Path root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root.resolve("src/main"))) {
                files = Stream.concat(walk.filter(Files::isRegularFile), Stream.of(root.resolve("pom.xml")))
                        .map(p -> root.relativize(p))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                digest.update(file.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(root.resolve(file)));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Build step: writes the fingerprint of {@code args[0]} into the file {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, fingerprint(Path.of(args[0]).toAbsolutePath()) + "\n");
    }
}
