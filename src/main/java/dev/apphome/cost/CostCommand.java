package dev.apphome.cost;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bin/cost}: the monthly cost of a preview document — bin/plan's or a real
 * {@code pulumi preview --json --show-sames} — from the committed price table. It reads only the
 * document, never the stack files, so it prices what the engine would create.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Estimates the monthly AWS cost of a pulumi preview --json document: fixed lines from the plan's "
                + "inputs, usage lines with their unit price (summed only with --usage).")
public final class CostCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "PREVIEW", description = "A pulumi preview --json document (bin/plan <stack> --json writes one).")
    Path preview;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the estimate as JSON.")
    Path json;

    @Option(names = "--usage", paramLabel = "FILE", description = "Monthly quantities for the usage-priced lines (YAML; see README).")
    Path usageFile;

    @Option(names = "--region", paramLabel = "REGION", description = "Price this region instead of the one the document names.")
    String region;

    @Option(names = "--compare", paramLabel = "BASE", description = "Another preview document of the same stack (the base of a change): "
            + "also print how the fixed estimate and its lines differ.")
    Path compare;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the comparison (or, without --compare, the fixed total) "
            + "as a pull-request comment section.")
    Path markdown;

    private final PrintStream out;
    private final PrintStream err;

    CostCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new CostCommand(out, err)).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() throws IOException {
        try {
            Usage usage = usageFile == null ? Usage.none() : Usage.parse(read(usageFile, "usage file"), usageFile.toString());
            Estimate head = Estimator.estimate(PreviewDocument.parse(read(preview, "preview document"), preview.toString()),
                    PriceTable.standard(), region, usage);
            out.print(EstimateTable.render(head));
            String section = null;
            if (compare != null) {
                Estimate base = Estimator.estimate(PreviewDocument.parse(read(compare, "base document"), compare.toString()),
                        PriceTable.standard(), head.region(), usage);
                out.println();
                out.print(EstimateDiff.text(base, head));
                section = EstimateDiff.markdown(base, head);
            } else if (markdown != null) {
                section = EstimateDiff.markdown(head, "no base to compare with");
            }
            if (json != null) {
                write(json, EstimateJson.toText(head));
            }
            if (markdown != null) {
                write(markdown, section);
            }
            return 0;
        } catch (BadInputException e) {
            err.println("bin/cost: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static String read(Path file, String what) throws BadInputException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("There is no " + what + " " + file + ".");
        } catch (IOException e) {
            throw new BadInputException("Cannot read the " + what + " " + file + ": " + e.getMessage() + ".");
        }
    }

    private void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
        err.println("Wrote " + file);
    }
}
