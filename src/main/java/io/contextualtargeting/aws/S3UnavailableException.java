package io.contextualtargeting.aws;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * S3 stayed throttled (503 SlowDown), failing (5xx) or unreachable through every bounded retry of
 * the client. An {@link UncheckedIOException} as every object-store failure is, under its own class
 * name so that the state machines retry it and not a refusal such as a denied key.
 */
public final class S3UnavailableException extends UncheckedIOException {

    S3UnavailableException(String message, Throwable cause) {
        super(message + "; S3 is throttling or failing, retry later", new IOException(cause));
    }
}
