package io.contextualtargeting.engine.generate;

import java.util.List;

/**
 * One synthetic user: the demographics users.csv shows, the endpoints endpoints.csv shows, and
 * the planted behaviour the interactions are drawn from. Arrays are owned by the profile and
 * never changed after it is built.
 *
 * @param tasteStart   genre preference at the start of the user's active window (sums to 1)
 * @param tasteEnd     genre preference at its end; in between the taste moves linearly
 * @param exploration  share of choices made by overall popularity, whatever the taste
 * @param franchises   franchises the user follows (indices into the catalog's franchises)
 * @param activeFrom   first second of the user's active window
 * @param activeUntil  end of the window (exclusive)
 * @param plannedTouches how many item choices the user makes (a few may be dropped, see docs)
 */
public record UserProfile(int index, String id, String gender, int age, String email, List<Endpoint> endpoints,
                          double[] tasteStart, double[] tasteEnd, double exploration, int[] franchises,
                          long activeFrom, long activeUntil, int plannedTouches) {

    /** Taste share of {@code genre} at time {@code t}, moving linearly across the active window. */
    public double taste(int genre, long t) {
        double progress = progress(t);
        return (1 - progress) * tasteStart[genre] + progress * tasteEnd[genre];
    }

    /** Where {@code t} lies in the active window, 0 at its start, 1 at its end. */
    double progress(long t) {
        long span = activeUntil - activeFrom;
        return span <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) (t - activeFrom) / span));
    }

    /** The genre with the largest planted share over the whole window. */
    public int favouriteGenre() {
        int best = 0;
        for (int genre = 1; genre < tasteStart.length; genre++) {
            if (tasteStart[genre] + tasteEnd[genre] > tasteStart[best] + tasteEnd[best]) {
                best = genre;
            }
        }
        return best;
    }
}
