package io.contextualtargeting.engine.segment;

/**
 * How active each user is now, on a log scale: what a segment's activity factor is raised from.
 * Counted with fading ({@link DecayedHistory#activity()}) or learnt from the data's latest period ({@link LearntActivity}).
 */
final class UserActivity {
    private final double[] logActivity;

    UserActivity(double[] logActivity) {
        this.logActivity = logActivity;
    }

    /** The log of the user's activity; negative infinity for a user without weighted rows. */
    double logActivity(int user) {
        return logActivity[user];
    }

    int userCount() {
        return logActivity.length;
    }
}
