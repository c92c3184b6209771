package io.contextualtargeting.formats.batch;

/**
 * Receives a batch segment job output file line by line, user by user, so that a line of millions
 * of users never has to fit in memory. For each line: {@link #input} once, {@link #user} for each
 * user in order, then {@link #endLine}. Personalize and this engine write the input before the
 * output, so {@code input} comes first; a file with the output first delivers users before it.
 */
public interface SegmentOutputVisitor {

    void input(long line, BatchInput input);

    void user(long line, String userId);

    /**
     * @param users how many users the line listed
     * @param error the line's error, or null when it was answered
     */
    void endLine(long line, BatchInput input, long users, String error);
}
