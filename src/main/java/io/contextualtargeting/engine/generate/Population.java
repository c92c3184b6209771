package io.contextualtargeting.engine.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic users. A profile is a pure function of (seed, user index), so users can be
 * produced in any order, on any thread, one at a time: nothing about users is held in memory.
 */
public final class Population {
    /** Total Dirichlet concentration of a taste: low, so most users favour a few genres. */
    static final double TASTE_CONCENTRATION = 3.0;
    /** A user's heaviest activity is capped at this multiple of the mean, and at a share of the catalog. */
    private static final int ACTIVITY_CAP_FACTOR = 20;
    private static final double ACTIVITY_CAP_CATALOG_SHARE = 0.5;
    /** Chances of following 0, 1, 2 or 3 franchises. */
    private static final double[] FRANCHISE_COUNT_WEIGHTS = {0.40, 0.35, 0.17, 0.08};
    static final double NO_ENDPOINT_SHARE = 0.04;
    static final double TWO_ENDPOINTS_SHARE = 0.18;
    static final double OPT_OUT_SHARE = 0.03;
    private static final int MIN_AGE = 18;
    private static final int MAX_AGE = 90;

    private static final List<String> FIRST_NAMES = List.of(
            "ava", "liam", "mia", "noah", "zoe", "omar", "lena", "ivan", "sara", "yuki", "amir", "nora", "leo",
            "ines", "hugo", "maya", "ravi", "elif", "jonas", "chloe", "diego", "anya", "kofi", "lucia", "sven",
            "aiko", "tomas", "priya", "felix", "rosa");
    private static final List<String> LAST_NAMES = List.of(
            "smith", "garcia", "chen", "muller", "rossi", "kim", "novak", "silva", "okafor", "tanaka", "jensen",
            "dubois", "kowalski", "haddad", "nguyen", "larsen", "costa", "singh", "weber", "moreau", "ali",
            "petrov", "santos", "berg", "sato", "fischer", "lopez", "brown", "ivanova", "mensah");

    private final GeneratorSettings settings;
    private final Period period;
    private final Catalog catalog;
    private final WorldShape shape;
    private final double activityMu;
    private final int activityCap;
    /** Dirichlet concentrations of the taste prior, by age (computed once: every user needs one). */
    private final double[][] priorByAge = new double[MAX_AGE + 1][];

    Population(GeneratorSettings settings, Period period, Catalog catalog) {
        this.settings = settings;
        this.period = period;
        this.catalog = catalog;
        this.shape = settings.shape();
        // The mean of a log-normal is exp(mu + sigma^2 / 2).
        double sigma = shape.activitySpread();
        this.activityMu = StrictMath.log(settings.interactionsPerUser()) - sigma * sigma / 2;
        this.activityCap = (int) Math.max(1, Math.min((long) ACTIVITY_CAP_FACTOR * settings.interactionsPerUser(),
                (long) (catalog.size() * ACTIVITY_CAP_CATALOG_SHARE)));
        for (int age = MIN_AGE; age <= MAX_AGE; age++) {
            priorByAge[age] = tastePrior(age);
        }
    }

    /** The user of 0-based index {@code index}; USER_ID is index + 1. */
    public UserProfile profile(int index) {
        RandomStream random = RandomStream.of(settings.seed(), RandomStream.Purpose.USER_PROFILE, index);
        String id = Integer.toString(index + 1);
        double g = random.nextDouble();
        String gender = g < 0.49 ? "F" : g < 0.98 ? "M" : "X";
        int age = Math.min(MAX_AGE, MIN_AGE + (int) (8 * random.gamma(2.5)));
        String email = random.oneOf(FIRST_NAMES) + "." + random.oneOf(LAST_NAMES) + "." + id + "@example.com";
        List<Endpoint> endpoints = endpoints(random, email);

        double[] prior = priorByAge[age];
        double[] tasteStart = random.dirichlet(prior);
        double[] fresh = random.dirichlet(prior);
        double keep = shape.keptTaste(random.uniform(0.1, 0.7));
        double[] tasteEnd = new double[prior.length];
        for (int genre = 0; genre < prior.length; genre++) {
            tasteEnd[genre] = keep * tasteStart[genre] + (1 - keep) * fresh[genre];
        }
        double exploration = random.uniform(0.1, 0.3);
        int[] franchises = followedFranchises(random, tasteStart);

        double windowShare = random.uniform(shape.windowMin(), shape.windowMax());
        long activeFrom = period.start() + (long) (random.nextDouble() * (1 - windowShare) * period.length());
        long activeUntil = Math.min(period.end(), activeFrom + (long) (windowShare * period.length()));
        long touches = Math.round(StrictMath.exp(activityMu + shape.activitySpread() * random.gaussian()));
        int plannedTouches = (int) Math.max(1, Math.min(activityCap, touches));
        return new UserProfile(index, id, gender, age, email, endpoints, tasteStart, tasteEnd, exploration,
                franchises, activeFrom, activeUntil, plannedTouches);
    }

    private double[] tastePrior(int age) {
        Genres genres = catalog.genres();
        double[] prior = new double[genres.count()];
        double total = 0;
        for (int genre = 0; genre < prior.length; genre++) {
            prior[genre] = catalog.offers(genre) ? genres.prevalence(genre) * genres.ageTilt(genre, age) : 0;
            total += prior[genre];
        }
        for (int genre = 0; genre < prior.length; genre++) {
            prior[genre] *= TASTE_CONCENTRATION / total;
        }
        return prior;
    }

    /** Franchises found the way a viewer finds them: through items of genres they like. */
    private int[] followedFranchises(RandomStream random, double[] taste) {
        int wanted = random.pick(FRANCHISE_COUNT_WEIGHTS);
        List<Integer> followed = new ArrayList<>(wanted);
        for (int attempt = 0; attempt < 4 * wanted && followed.size() < wanted; attempt++) {
            int franchise = catalog.item(catalog.sampleInGenre(random.pick(taste), random)).franchise();
            if (franchise >= 0 && !followed.contains(franchise)) {
                followed.add(franchise);
            }
        }
        return followed.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Endpoint> endpoints(RandomStream random, String email) {
        double kind = random.nextDouble();
        if (kind < NO_ENDPOINT_SHARE) {
            return List.of();
        }
        Endpoint mail = new Endpoint(Endpoint.EMAIL, email, random.chance(OPT_OUT_SHARE));
        if (kind < NO_ENDPOINT_SHARE + TWO_ENDPOINTS_SHARE) {
            return List.of(mail, new Endpoint(Endpoint.SMS, fictionalPhone(random), random.chance(OPT_OUT_SHARE)));
        }
        return List.of(mail);
    }

    /** E.164 number in the 555-0100..0199 range reserved for fiction, with a random area code. */
    private static String fictionalPhone(RandomStream random) {
        int areaCode = 201 + random.nextInt(798);
        int line = 100 + random.nextInt(100);
        return "+1" + areaCode + "5550" + line;
    }
}
