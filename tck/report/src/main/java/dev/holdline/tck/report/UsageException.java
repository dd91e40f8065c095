package dev.holdline.tck.report;

/** A command line or a repository root the report cannot work with; the message says why. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
