package io.contextualtargeting.local.statemachine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when a test (or a wait) moves it; records every requested sleep. */
public final class FakeTime extends Clock implements Sleeper {
    private Instant now;
    public final List<Duration> sleeps = new ArrayList<>();

    public FakeTime(String start) {
        this.now = Instant.parse(start);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
