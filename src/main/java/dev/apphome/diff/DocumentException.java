package dev.apphome.diff;

/** A document bin/diff cannot read, with one sentence saying why; bin/diff exits 2 with it. */
public final class DocumentException extends RuntimeException {
    public DocumentException(String message) {
        super(message);
    }
}
