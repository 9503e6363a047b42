package dev.apphome.plan;

import dev.apphome.AppStack;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.StackFile;
import dev.apphome.diff.Change;
import dev.apphome.diff.Differ;
import dev.apphome.diff.DocumentException;
import dev.apphome.diff.ForcingTable;
import dev.apphome.diff.Gate;
import dev.apphome.diff.PreviewDocument;
import dev.apphome.diff.ReplaceAllowance;
import dev.apphome.diff.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/diff}: what a change does to each resource, and a refusal when it replaces or deletes
 * a stateful one that the stack file does not announce. Reads only documents (and the stack file's
 * announcements), so it judges two {@code bin/plan} runs and a real {@code pulumi preview --json} alike.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two preview documents (bin/plan --json of the base and of the head, for example), "
                + "or reads one real pulumi preview --json --show-sames, and says for each resource whether it "
                + "stays the same, is updated, replaced, deleted or created, and which input forces each replacement.",
                "Exit 0: nothing stateful is replaced or deleted without an announcement; 1: something is (refused); "
                        + "2: the input could not be read."})
public final class DiffCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int BAD_INPUT = 2;

    @Parameters(arity = "1..2", paramLabel = "DOCUMENT", description = "BEFORE.json AFTER.json, or one real preview.")
    List<Path> documents;

    @Option(names = "--stack", paramLabel = "NAME", description = "Read allowReplace from Pulumi.NAME.yaml (default: "
            + "the stack the documents name, when its file exists).")
    String stack;

    @Option(names = "--stack-file", paramLabel = "FILE", description = "Read allowReplace from this stack file.")
    Path stackFile;

    @Option(names = "--all", description = "List unchanged resources too.")
    boolean all;

    private final PrintStream out;
    private final PrintStream err;
    private final Path root;

    DiffCommand(PrintStream out, PrintStream err, Path root) {
        this.out = out;
        this.err = err;
        this.root = root;
    }

    public static void main(String[] args) {
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, Path.of(System.getProperty("apphome.root", "."))));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Path root) {
        return new CommandLine(new DiffCommand(out, err, root))
                .setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    err.println("bin/diff: " + e.getMessage());
                    return BAD_INPUT;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        PreviewDocument before;
        PreviewDocument after;
        try {
            before = read(documents.get(0));
            after = documents.size() > 1 ? read(documents.get(1)) : null;
        } catch (DocumentException e) {
            err.println("bin/diff: " + e.getMessage());
            return BAD_INPUT;
        }
        Differ differ = new Differ(ForcingTable.bundled());
        List<Change> changes = after == null ? differ.of(before) : differ.between(before, after);
        Path file;
        List<ReplaceAllowance> allowances;
        try {
            file = stackFile(after != null ? after : before);
            allowances = file == null ? List.of()
                    : AppStack.settings(StackFile.projectName(file), PlanCommand.stackName(file), StackFile.load(file))
                    .allowReplace();
        } catch (InvalidSettingsException e) {
            err.println("bin/diff: the stack file is not valid, so its allowReplace cannot be read:");
            e.problems().forEach(p -> err.println("  - " + p));
            return BAD_INPUT;
        } catch (DocumentException e) {
            err.println("bin/diff: " + e.getMessage());
            return BAD_INPUT;
        }
        Gate gate = Gate.judge(changes, allowances);
        String title = after == null ? "bin/diff: what the preview " + before.source() + " does"
                : "bin/diff: " + before.source() + " → " + after.source();
        out.print(Report.text(title, changes, gate, file == null ? null : file.getFileName().toString(), all));
        return gate.passes() ? 0 : REFUSED;
    }

    private static PreviewDocument read(Path path) {
        try {
            return PreviewDocument.parse(path.toString(), Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new DocumentException(path + " does not exist; expected a file written by bin/plan --json or "
                    + "pulumi preview --json");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DocumentException(path + " is not UTF-8 text; expected the JSON of bin/plan --json or "
                    + "pulumi preview --json");
        } catch (IOException e) {
            throw new DocumentException(path + " cannot be read (" + (Files.isDirectory(path) ? "it is a directory"
                    : e.getMessage()) + ")");
        }
    }

    /** The stack file whose announcements count: the one asked for, else the one of the stack the documents name. */
    private Path stackFile(PreviewDocument document) {
        if (stackFile != null) {
            if (!Files.isRegularFile(stackFile)) {
                throw new DocumentException("--stack-file " + stackFile + " does not exist");
            }
            return stackFile;
        }
        if (stack != null) {
            Path named = root.resolve(PlanCommand.resolve(stack));
            if (!Files.isRegularFile(named)) {
                throw new DocumentException("--stack " + stack + ": " + named + " does not exist");
            }
            return named;
        }
        String stackName = document.steps().stream().map(PreviewDocument.Step::urn)
                .filter(u -> u.startsWith("urn:pulumi:") && u.contains("::")).findFirst()
                .map(u -> u.substring("urn:pulumi:".length(), u.indexOf("::"))).orElse(null);
        if (stackName == null || !stackName.matches("[A-Za-z0-9_.-]+")) {
            return null;
        }
        Path inferred = root.resolve("Pulumi." + stackName + ".yaml");
        return Files.isRegularFile(inferred) ? inferred : null;
    }
}
