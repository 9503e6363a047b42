package dev.apphome.config;

import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown before anything is declared when a stack file has one or more problems; lists all of them.
 * A {@link RunException}, so that the Pulumi engine prints the report without a Java stack trace.
 */
public final class InvalidSettingsException extends RunException {

    private final List<Problem> problems;

    public InvalidSettingsException(List<Problem> problems) {
        this(problems, null);
    }

    /** The same, with a sentence that says why these problems stop the run. */
    public InvalidSettingsException(List<Problem> problems, String why) {
        super(format(problems, why));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems, String why) {
        String noun = problems.size() == 1 ? "problem" : "problems";
        return problems.size() + " " + noun + " in the stack settings; nothing was declared"
                + (why == null ? "" : " (" + why + ")") + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
