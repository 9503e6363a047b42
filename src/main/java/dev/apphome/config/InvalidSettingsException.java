package dev.apphome.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything is declared when a stack file has one or more problems; lists all of them. */
public final class InvalidSettingsException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidSettingsException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        String noun = problems.size() == 1 ? "problem" : "problems";
        return problems.size() + " " + noun + " in the stack settings; nothing was declared:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
