package io.contextualtargeting.workflow.segments;

import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.EngagementPlatform.Endpoint;
import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.workflow.CsvCells;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes one segment file under the segment import prefix and accounts for every user. The file is
 * built in a local temporary file (streamed: the users never sit in memory) and stored only when it
 * has at least one row, under a name no other segment holds: a name taken by a concurrent job gets
 * a {@code -2}, {@code -3}... suffix. A file already stored under the name with the same bytes is
 * this segment written by an earlier run of the same job: it is reported, not written again (which
 * would import a second, identical Pinpoint segment).
 */
public final class WriteSegment {
    /** Users looked up at once; Pinpoint answers GetUserEndpoints at about 300 requests/s per account. */
    private static final int LOOKUP_BATCH = 256;
    private static final int MAX_NAME_ATTEMPTS = 100;
    private static final int COMPARE_CHUNK = 1 << 16;

    /**
     * The largest segment written in the {@code Id} form: one GetUserEndpoints call per user at
     * about 300 calls/s per account cannot look up more within a Lambda function's 15 minutes.
     */
    public static final long DEFAULT_ID_FORM_MAX_USERS = 250_000;

    private final ObjectStore store;
    private final EngagementPlatform pinpoint;
    private final int lookupThreads;
    private final long idFormMaxUsers;

    public WriteSegment(ObjectStore store, EngagementPlatform pinpoint, int lookupThreads) {
        this(store, pinpoint, lookupThreads, DEFAULT_ID_FORM_MAX_USERS);
    }

    /** @param idFormMaxUsers larger segments are refused in the {@code Id} form; 0 for no limit */
    public WriteSegment(ObjectStore store, EngagementPlatform pinpoint, int lookupThreads, long idFormMaxUsers) {
        this.store = store;
        this.pinpoint = pinpoint;
        this.lookupThreads = lookupThreads;
        this.idFormMaxUsers = idFormMaxUsers;
    }

    public SegmentReport run(WriteSegmentRequest request) {
        SegmentFile segment = request.segment();
        SegmentFileForm form = SegmentFileForm.fromHeader(request.fileForm());
        if (segment.error() != null) {
            return SegmentReport.failed(segment, form.header());
        }
        if (form == SegmentFileForm.ID && idFormMaxUsers > 0 && segment.userCount() > idFormMaxUsers) {
            return SegmentReport.failed(segment, form.header(), String.format(Locale.ROOT,
                    "%,d users are too many for the Id form (at most %,d): each user's endpoints take one Pinpoint"
                            + " GetUserEndpoints call, at about 300 calls per second per account; nothing was written."
                            + " Write it in the User.UserId form (SegmentFileForm=User.UserId when deploying,"
                            + " run --segment-file-form User.UserId locally), or raise ID_FORM_MAX_USERS if your"
                            + " account's quota allows", segment.userCount(), idFormMaxUsers));
        }
        Path csv = null;
        try {
            csv = Files.createTempFile("segment", ".csv");
            Tally tally = writeRows(segment, form, csv);
            String written = tally.rows == 0 ? null : store(csv, request.importBucket(), request.importPrefix(), segment.name());
            String name = written == null ? segment.name() : fileStem(written);
            return new SegmentReport(name, segment.query(), written, form.header(), tally.users, tally.usersWritten,
                    form == SegmentFileForm.ID ? tally.rows : 0, tally.withoutEndpoint, tally.optedOut, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write segment " + segment.name(), e);
        } finally {
            deleteQuietly(csv);
        }
    }

    private Tally writeRows(SegmentFile segment, SegmentFileForm form, Path csv) throws IOException {
        Tally tally = new Tally();
        ExecutorService lookups = form == SegmentFileForm.ID ? Executors.newFixedThreadPool(lookupThreads) : null;
        try (BufferedReader users = new BufferedReader(new InputStreamReader(store.read(ObjectRef.parse(segment.users())), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(form.header());
            out.write('\n');
            List<String> batch = new ArrayList<>(LOOKUP_BATCH);
            for (String user = users.readLine(); user != null; user = users.readLine()) {
                if (user.isEmpty()) {
                    continue;
                }
                batch.add(user);
                if (batch.size() == LOOKUP_BATCH) {
                    writeBatch(batch, form, lookups, out, tally);
                    batch.clear();
                }
            }
            writeBatch(batch, form, lookups, out, tally);
        } finally {
            if (lookups != null) {
                lookups.shutdownNow();
            }
        }
        return tally;
    }

    private void writeBatch(List<String> users, SegmentFileForm form, ExecutorService lookups, Writer out, Tally tally)
            throws IOException {
        tally.users += users.size();
        if (form == SegmentFileForm.USER_ID) {
            for (String user : users) {
                writeRow(out, user);
            }
            tally.usersWritten += users.size();
            tally.rows += users.size();
            return;
        }
        List<Future<List<Endpoint>>> endpoints = new ArrayList<>(users.size());
        for (String user : users) {
            endpoints.add(lookups.submit(() -> pinpoint.userEndpoints(user)));
        }
        for (Future<List<Endpoint>> future : endpoints) {
            tally.add(await(future), out);
        }
    }

    private static List<Endpoint> await(Future<List<Endpoint>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up endpoints", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void writeRow(Writer out, String value) throws IOException {
        out.write(CsvCells.escape(value));
        out.write('\n');
    }

    /** Stores the file under the first free name, or finds it stored already; returns its URL. */
    private String store(Path csv, String bucket, String prefix, String name) throws IOException {
        for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
            ObjectRef ref = new ObjectRef(bucket, prefix + name + (attempt == 1 ? "" : "-" + attempt) + ".csv");
            if (store.writeIfAbsent(ref, out -> Files.copy(csv, out)) || holds(ref, csv)) {
                return ref.url();
            }
        }
        throw new IllegalStateException("segment " + name + " exists " + MAX_NAME_ATTEMPTS + " times under " + prefix);
    }

    /** Whether the stored object has exactly the bytes of the file. */
    private boolean holds(ObjectRef ref, Path csv) throws IOException {
        byte[] stored = new byte[COMPARE_CHUNK];
        byte[] local = new byte[COMPARE_CHUNK];
        try (InputStream a = store.read(ref); InputStream b = Files.newInputStream(csv)) {
            while (true) {
                int n = a.readNBytes(stored, 0, COMPARE_CHUNK);
                if (n != b.readNBytes(local, 0, COMPARE_CHUNK) || !Arrays.equals(stored, 0, n, local, 0, n)) {
                    return false;
                }
                if (n < COMPARE_CHUNK) {
                    return true;
                }
            }
        } catch (ObjectNotFoundException deletedMeanwhile) {
            return false;
        }
    }

    private static String fileStem(String url) {
        String file = ObjectRef.parse(url).fileName();
        return file.substring(0, file.length() - ".csv".length());
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary file left behind in /tmp is harmless
        }
    }

    /** Counts of one segment; every user lands in exactly one of written, without endpoint, opted out. */
    private static final class Tally {
        long users;
        long usersWritten;
        long withoutEndpoint;
        long optedOut;
        long rows;

        void add(List<Endpoint> endpoints, Writer out) throws IOException {
            boolean active = false;
            int reachable = 0;
            for (Endpoint endpoint : endpoints) {
                if (!endpoint.active()) {
                    continue;
                }
                active = true;
                if (!endpoint.optedOut()) {
                    writeRow(out, endpoint.id());
                    reachable++;
                }
            }
            if (reachable > 0) {
                usersWritten++;
                rows += reachable;
            } else if (active) {
                optedOut++;
            } else {
                withoutEndpoint++;
            }
        }
    }
}
