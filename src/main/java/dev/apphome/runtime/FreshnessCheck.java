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

    /**
     * SHA-256 over the relative path and bytes of every source file, in path order. The source files
     * are what git tracks under {@code src/main} and {@code pom.xml}, plus untracked Java files it does
     * not ignore (Maven compiles those too), so that editor swap files, backups and build output
     * never make the jar refuse to start. Outside a git work tree, every file under {@code src/main}
     * except hidden files and {@code ~} backups, and {@code pom.xml}.
     */
    public static String fingerprint(Path root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : sources(root)) {
                Path path = root.resolve(file);
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                // A tracked file deleted from the work tree counts as a change, like an edit.
                digest.update(Files.isRegularFile(path) ? Files.readAllBytes(path) : "\0deleted".getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source files' paths relative to {@code root}, with {@code /} separators, sorted. */
    static List<String> sources(Path root) throws IOException {
        List<String> tracked = git(root, "ls-files", "-z", "--cached", "--", "src/main", "pom.xml");
        if (tracked != null) {
            List<String> untracked = git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", "src/main");
            var files = new java.util.TreeSet<>(tracked);
            untracked.stream().filter(f -> f.endsWith(".java")).forEach(files::add);
            return List.copyOf(files);
        }
        try (Stream<Path> walk = Files.walk(root.resolve("src/main"))) {
            return Stream.concat(walk.filter(Files::isRegularFile), Stream.of(root.resolve("pom.xml")))
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().endsWith("~"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** The NUL-separated output of a git command in {@code root}, or null when git or a work tree is missing. */
    private static List<String> git(Path root, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null; // no git on this machine
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                return null; // not a git work tree (a source archive)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing sources", e);
        }
        return java.util.Arrays.stream(output.split("\0")).filter(f -> !f.isEmpty()).toList();
    }

    /** Build step: writes the fingerprint of {@code args[0]} into the file {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, fingerprint(Path.of(args[0]).toAbsolutePath()) + "\n");
    }
}
