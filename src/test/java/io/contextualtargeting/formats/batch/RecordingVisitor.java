package io.contextualtargeting.formats.batch;

import java.util.ArrayList;
import java.util.List;

/** Collects what a reader hands out, one entry per line, for assertions. */
public final class RecordingVisitor implements SegmentOutputVisitor {
    public final List<String> events = new ArrayList<>();

    @Override
    public void input(long line, BatchInput input) {
        events.add(line + " input " + input.key() + "=" + input.value());
    }

    @Override
    public void user(long line, String userId) {
        events.add(line + " user " + userId);
    }

    @Override
    public void endLine(long line, BatchInput input, long users, String error) {
        events.add(line + " end " + users + " users, error " + error);
    }
}
