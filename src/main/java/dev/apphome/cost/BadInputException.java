package dev.apphome.cost;

/**
 * Input bin/cost cannot price: a file that is not a preview document, a region without prices, a
 * usage file with mistakes. The message is one or more full sentences for the user; bin/cost
 * prints it and exits with status 2.
 */
public final class BadInputException extends Exception {

    public BadInputException(String message) {
        super(message);
    }
}
