package io.contextualtargeting.local.pinpoint;

import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.ImportJobStatus;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.workflow.imports.InvalidSegmentFileException;
import io.contextualtargeting.workflow.imports.SegmentFileReader;
import io.contextualtargeting.workflow.imports.SegmentFileRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The local stand-in for an Amazon Pinpoint project: endpoints, imported segments and import jobs.
 * Import jobs follow Pinpoint's lifecycle (CREATED, PROCESSING, then COMPLETED or FAILED, one step
 * per poll) and apply a file only when every row of it is valid, so a segment is never half-imported.
 * Generated endpoint ids are derived from the endpoint's user, channel and address, so importing the
 * same file twice updates the same endpoints.
 */
public final class LocalEngagementPlatform implements EngagementPlatform {
    private final ObjectStore store;
    private final SegmentFileReader reader = new SegmentFileReader();
    private final Map<String, StoredEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, Set<String>> endpointsByUser = new HashMap<>();
    private final Map<String, Set<String>> segments = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Predicate<String> held;

    public LocalEngagementPlatform(ObjectStore store) {
        this(store, id -> false);
    }

    /**
     * @param held the import jobs, by id, that never end: they stay PROCESSING, as an import that never
     *             finishes would ({@code id -> false}: every one finishes)
     */
    public LocalEngagementPlatform(ObjectStore store, Predicate<String> held) {
        this.store = store;
        this.held = held;
    }

    @Override
    public synchronized ImportJob createImportJob(ImportJobRequest request) {
        String id = String.format(Locale.ROOT, "import-%04d", jobs.size() + 1);
        Job job = new Job(id, request);
        jobs.put(id, job);
        return job.view();
    }

    @Override
    public synchronized ImportJob getImportJob(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("no import job " + jobId);
        }
        switch (job.status) {
            case CREATED -> job.status = ImportJobStatus.PROCESSING;
            case PROCESSING -> {
                if (!held.test(job.id)) {
                    run(job);
                }
            }
            default -> { }
        }
        return job.view();
    }

    @Override
    public synchronized List<Endpoint> userEndpoints(String userId) {
        List<Endpoint> found = new ArrayList<>();
        for (String id : endpointsByUser.getOrDefault(userId, Set.of())) {
            StoredEndpoint endpoint = endpoints.get(id);
            found.add(new Endpoint(id, endpoint.channelType(), endpoint.optedOut(), true));
        }
        return found;
    }

    /** Imported segments by name, with their endpoint counts. */
    public synchronized Map<String, Integer> segmentSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        segments.forEach((name, ids) -> sizes.put(name, ids.size()));
        return sizes;
    }

    public synchronized int endpointCount() {
        return endpoints.size();
    }

    private void run(Job job) {
        List<ObjectRef> files = job.request.source().key().endsWith("/")
                ? store.list(job.request.source().bucket(), job.request.source().key()).stream()
                        .filter(ref -> ref.key().toLowerCase(Locale.ROOT).endsWith(".csv")).toList()
                : List.of(job.request.source());
        try {
            for (ObjectRef file : files) {
                job.processed += read(file, row -> { }).rows();
            }
        } catch (InvalidSegmentFileException e) {
            job.status = ImportJobStatus.FAILED;
            e.problems().forEach(p -> job.failures.add(p.getMessage()));
            job.totalFailures = e.total();
            return;
        }
        Set<String> members = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (ObjectRef file : files) {
            read(file, row -> apply(row, job.request.registerEndpoints(), members, missing));
        }
        if (!missing.isEmpty()) {
            job.status = ImportJobStatus.FAILED;
            job.totalFailures = missing.size();
            missing.stream().limit(20).forEach(job.failures::add);
            return;
        }
        if (job.request.defineSegment()) {
            segments.put(job.request.segmentName(), members);
            job.segmentId = "segment-" + segments.size();
        }
        job.status = ImportJobStatus.COMPLETED;
    }

    private SegmentFileReader.Summary read(ObjectRef file, Consumer<SegmentFileRow> rows) {
        try (InputStream in = store.read(file)) {
            return reader.read(file.url(), in, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void apply(SegmentFileRow row, boolean register, Set<String> members, List<String> missing) {
        if (row.address() != null) {
            String id = row.id() != null ? row.id() : generatedId(row);
            if (register) {
                endpoints.put(id, new StoredEndpoint(row.userId(), row.channelType(), row.optedOut()));
                if (row.userId() != null) {
                    endpointsByUser.computeIfAbsent(row.userId(), u -> new LinkedHashSet<>()).add(id);
                }
            }
            members.add(id);
        } else if (row.id() != null) {
            if (endpoints.containsKey(row.id())) {
                members.add(row.id());
            } else {
                missing.add("line " + row.line() + ": endpoint " + row.id() + " does not exist");
            }
        } else {
            members.addAll(endpointsByUser.getOrDefault(row.userId(), Set.of()));
        }
    }

    /** A stable id in Pinpoint's style (26 lowercase base-32 characters) from the endpoint's identity. */
    private static String generatedId(SegmentFileRow row) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (row.userId() + "\n" + row.channelType() + "\n" + row.address()).getBytes(StandardCharsets.UTF_8));
            String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            StringBuilder id = new StringBuilder(26);
            for (int i = 0; i < 26; i++) {
                id.append(alphabet.charAt((hash[i] & 0xff) % 32));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record StoredEndpoint(String userId, String channelType, boolean optedOut) {
    }

    /** An import job and where it is in its lifecycle. */
    private static final class Job {
        final String id;
        final ImportJobRequest request;
        final List<String> failures = new ArrayList<>();
        ImportJobStatus status = ImportJobStatus.CREATED;
        String segmentId;
        long processed;
        long totalFailures;

        Job(String id, ImportJobRequest request) {
            this.id = id;
            this.request = request;
        }

        ImportJob view() {
            return new ImportJob(id, status.wire(), segmentId, (int) processed, (int) totalFailures, List.copyOf(failures));
        }
    }
}
