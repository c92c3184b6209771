package io.contextualtargeting.local.cli;

/** A command line that does not fit the command, found after parsing: printed with the usage, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
