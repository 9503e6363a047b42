package dev.apphome.plan;

import com.google.gson.Gson;
import dev.apphome.AppStack;
import dev.apphome.config.ConfigSource;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.StackFile;
import dev.apphome.config.StackSettings;
import dev.apphome.cost.BadInputException;
import dev.apphome.cost.EstimateTable;
import dev.apphome.cost.Estimator;
import dev.apphome.cost.PreviewDocument;
import dev.apphome.cost.PriceTable;
import dev.apphome.cost.Usage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** {@code bin/plan}: the program's plan for one stack, offline, under Pulumi's mock engine. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plans a stack offline: no AWS credentials, no Pulumi CLI. Prints the resource tree "
                + "the way pulumi preview does; with --json writes the pulumi preview --json document.")
public final class PlanCommand implements Callable<Integer> {

    static final int INVALID = 1;
    static final int FAILED = 2;

    @Parameters(index = "0", paramLabel = "STACK", description = "A stack name (reads Pulumi.<name>.yaml) or a path to a stack file.")
    String stack;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the plan as pulumi preview --json would.")
    Path json;

    @Option(names = "--preview", description = "Leave values AWS computes unknown, as pulumi preview does (default: "
            + "mocked values, as after pulumi up).")
    boolean preview;

    @Option(names = "--quiet", description = "Print only the summary line.")
    boolean quiet;

    @Option(names = "--cost", description = "Also print the monthly cost estimate, as bin/cost prints it for the --json document.")
    boolean cost;

    private final PrintStream out;
    private final PrintStream err;
    /** Where the user ran bin/plan, which changes to the repository root: relative paths are theirs; null: here. */
    private final Path caller;

    PlanCommand(PrintStream out, PrintStream err, Path caller) {
        this.out = out;
        this.err = err;
        this.caller = caller;
    }

    public static void main(String[] args) {
        silenceSdkLogging();
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String dir = System.getenv("APPHOME_CALLER_DIR");
        Path caller = dir == null || dir.isEmpty() ? null : Path.of(dir);
        System.exit(args.length == 2 && args[0].equals("--batch")
                ? batch(caller == null ? Path.of(args[1]) : caller.resolve(args[1]), caller, out, err)
                : run(args, caller, out, err));
    }

    /**
     * {@code bin/plan --batch LIST}: every line of LIST is one bin/plan command line, its arguments
     * separated by tabs; all are planned in this one JVM, in order, and the worst exit status is
     * returned. The policy tests plan many stacks this way: a JVM's start costs more than a plan.
     */
    static int batch(Path list, PrintStream out, PrintStream err) {
        return batch(list, null, out, err);
    }

    /** As {@link #batch(Path, PrintStream, PrintStream)}, with relative paths in LIST resolved as from {@code caller}. */
    static int batch(Path list, Path caller, PrintStream out, PrintStream err) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("error: cannot read --batch " + list + ": " + reason(e) + "; give a file of bin/plan "
                    + "command lines, one per line, arguments separated by tabs.");
            return FAILED;
        }
        int worst = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int status = run(line.split("\t"), caller, out, err);
            if (status != 0) {
                err.println("bin/plan --batch: exit " + status + " for: " + line.replace('\t', ' '));
            }
            worst = Math.max(worst, status);
        }
        return worst;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, null, out, err);
    }

    /** Runs as bin/plan started in directory {@code caller} (null: the working directory). */
    static int run(String[] args, Path caller, PrintStream out, PrintStream err) {
        return new CommandLine(new PlanCommand(out, err, caller)).setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true)).execute(args);
    }

    @Override
    public Integer call() {
        Path file = fromCaller(resolve(stack), stack);
        json = json == null ? null : fromCaller(json, json.toString());
        String stackName = stackName(file);
        if (json != null) {
            String problem = outputProblem(json, file);
            if (problem != null) {
                err.println("error: " + problem);
                err.println("No plan was made.");
                return FAILED;
            }
        }
        StackSettings settings;
        ConfigSource source;
        try {
            source = StackFile.load(file);
            settings = AppStack.settings(StackFile.projectName(file), stackName, source);
        } catch (InvalidSettingsException e) {
            err.println(e.getMessage());
            err.println("No plan was written.");
            return INVALID;
        }
        PlanRunner.Result result;
        try {
            result = PlanRunner.run(settings, source, preview);
        } catch (PlanRunner.ProgramFailedException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        long resources = result.customCount();
        settings.warnings().forEach(w -> err.println("warning: " + w));
        if (!quiet) {
            out.println("Offline plan of stack " + stackName + " (" + file.getFileName() + "), Pulumi mock engine, no AWS calls"
                    + (preview ? ", preview mode" : ""));
            out.println();
            out.print(PlanDocument.tree(result));
            out.println();
            List<String> secureKeys = source.secretKeys().stream().sorted().toList();
            if (!secureKeys.isEmpty()) {
                out.println("Secure values planned as placeholders (they cannot be decrypted offline): "
                        + String.join(", ", secureKeys));
            }
            out.println("Images:");
            settings.services().forEach(s -> out.println("    " + s.name() + ": "
                    + dev.apphome.service.ImageSource.describe(s, settings.region())));
            out.println("Outputs:");
            result.stackOutputs().forEach((k, v) -> out.println("    " + k + ": " + v));
            out.println();
        }
        out.println("Resources: + " + result.resources().size() + " to create (" + resources + " AWS resources, "
                + (result.resources().size() - resources) + " components)");
        Path pulumiYaml = StackFile.projectFile(file);
        if (cost) {
            // The document --json writes, priced as bin/cost prices it.
            try {
                out.println();
                out.print(EstimateTable.render(Estimator.estimate(PreviewDocument.of(new Gson().toJsonTree(
                        PlanDocument.toDocument(result, PlanDocument.projectDefaults(pulumiYaml))), "the plan"),
                        PriceTable.standard(), null, Usage.none())));
            } catch (BadInputException e) {
                err.println("bin/plan: " + e.getMessage());
                return FAILED;
            }
        }
        if (json != null) {
            try {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(json, PlanDocument.toJson(result, PlanDocument.projectDefaults(pulumiYaml)));
            } catch (IOException e) {
                err.println("error: cannot write --json " + json + ": " + reason(e) + "; choose another path.");
                return FAILED;
            }
            out.println("Wrote " + json);
        }
        return 0;
    }

    /**
     * Why {@code target} cannot receive the plan, or null when it can: it is checked before the
     * program runs, so that a bad path costs no evaluation and never overwrites an input.
     */
    static String outputProblem(Path target, Path stackFile) {
        Path absolute = target.toAbsolutePath().normalize();
        Path project = StackFile.projectFile(stackFile);
        for (Path input : List.of(stackFile.toAbsolutePath().normalize(), project)) {
            if (absolute.equals(input) || (Files.exists(absolute) && Files.exists(input) && sameFile(absolute, input))) {
                return "--json " + target + " is " + (input.equals(project) ? "the project file" : "the stack file")
                        + " this plan reads; writing the plan there would destroy it. Give another file, e.g. --json plans/"
                        + stackName(stackFile) + ".json";
            }
        }
        if (Files.isDirectory(absolute)) {
            return "--json " + target + " is a directory; give a file in it, e.g. --json "
                    + target.resolve(stackName(stackFile) + ".json");
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return "cannot write --json " + target + ": " + existing + " is a file, not a directory; choose another path.";
        }
        try {
            if (Files.exists(absolute)) {
                // Opening for append without writing leaves the file as it is.
                Files.newOutputStream(absolute, StandardOpenOption.APPEND).close();
            } else if (existing != null) {
                Files.delete(Files.createTempFile(existing, ".plan-", ".probe"));
            }
        } catch (IOException e) {
            return "cannot write --json " + target + ": " + reason(e) + "; choose another path.";
        }
        return null;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** An I/O failure in words (Java's messages name only the path). */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage();
    }

    /**
     * A path the user gave, relative to where they ran bin/plan (a stack name is the project's
     * {@code Pulumi.<name>.yaml} and stays relative to the root). Unchanged when that is here.
     */
    private Path fromCaller(Path path, String given) {
        boolean name = path.toString().equals("Pulumi." + given + ".yaml");
        if (caller == null || name || path.isAbsolute() || caller.toAbsolutePath().normalize()
                .equals(Path.of("").toAbsolutePath().normalize())) {
            return path;
        }
        return caller.resolve(path).normalize();
    }

    static Path resolve(String stack) {
        if (stack.endsWith(".yaml") || stack.endsWith(".yml") || stack.contains("/")) {
            return Path.of(stack);
        }
        return Path.of("Pulumi." + stack + ".yaml");
    }

    /** {@code Pulumi.dev.yaml} → {@code dev}; any other file name → the name without its extension. */
    static String stackName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return name.startsWith("Pulumi.") ? name.substring("Pulumi.".length()) : name;
    }

    /** The SDK logs every resource at INFO through java.util.logging; a plan prints its own summary. */
    static void silenceSdkLogging() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.WARNING);
    }
}
