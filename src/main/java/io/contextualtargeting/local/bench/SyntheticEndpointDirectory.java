package io.contextualtargeting.local.bench;

import io.contextualtargeting.ports.EngagementPlatform;
import java.util.ArrayList;
import java.util.List;

/**
 * An endpoint directory that answers at once and holds nothing: the endpoints of user {@code u<n>}
 * follow from {@code n}, so post-processing can be timed on millions of users without Pinpoint's
 * latency and without a directory in the heap. Of every 100 users, 10 have no endpoint, 10 have
 * only an opted-out one, 10 have an active email endpoint and an inactive SMS endpoint, one has
 * Pinpoint's maximum of 15 endpoints, the rest one email endpoint. It imports nothing.
 */
final class SyntheticEndpointDirectory implements EngagementPlatform {
    private static final int MAX_ENDPOINTS = 15;

    /** The user id the directory knows for user number {@code n}. */
    static String userId(long n) {
        return "u" + n;
    }

    @Override
    public List<Endpoint> userEndpoints(String userId) {
        long n = number(userId);
        if (n < 0 || n % 10 == 0) {
            return List.of();
        }
        String id = "e" + n;
        if (n % 10 == 1) {
            return List.of(new Endpoint(id, "EMAIL", true, true));
        }
        if (n % 10 == 2) {
            return List.of(new Endpoint(id, "EMAIL", false, true), new Endpoint(id + "-sms", "SMS", false, false));
        }
        if (n % 100 == 3) {
            List<Endpoint> many = new ArrayList<>(MAX_ENDPOINTS);
            for (int e = 0; e < MAX_ENDPOINTS; e++) {
                many.add(new Endpoint(id + "-" + e, "EMAIL", false, true));
            }
            return many;
        }
        return List.of(new Endpoint(id, "EMAIL", false, true));
    }

    @Override
    public ImportJob createImportJob(ImportJobRequest request) {
        throw new IllegalStateException("the post-processing benchmark times segment files, it imports none");
    }

    @Override
    public ImportJob getImportJob(String jobId) {
        throw new IllegalStateException("the post-processing benchmark times segment files, it imports none");
    }

    private static long number(String userId) {
        if (userId.length() < 2 || userId.charAt(0) != 'u') {
            return -1;
        }
        long n = 0;
        for (int i = 1; i < userId.length(); i++) {
            char c = userId.charAt(i);
            if (c < '0' || c > '9' || n > Long.MAX_VALUE / 10 - 9) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
