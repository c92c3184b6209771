package io.contextualtargeting.workflow.segments;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.batch.BatchInput;
import io.contextualtargeting.formats.batch.BatchSegmentOutputReader;
import io.contextualtargeting.formats.batch.SegmentOutputVisitor;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.ResourceStatus;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobDescription;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.workflow.ResourceFailedException;
import io.contextualtargeting.workflow.S3Keys;
import io.contextualtargeting.workflow.training.TrainingPlanner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first step of post-processing: finds the output of a finished batch segment job (every
 * {@code .out} file under its output path, whatever the input file was called) and splits it into
 * one users file per query, in S3 beside the output, so that no user list ever travels in the
 * execution state. Every line becomes a segment; a line Personalize could not answer becomes a
 * failed segment and the others go on. The time in segment names is the time the job's segments
 * were first named (kept beside them), so post-processing the same job again names them alike and
 * writes no second copy of a segment.
 */
public final class PrepareSegments {
    static final String SEGMENTS_FOLDER = "segments/";
    static final String NAMED_AT = SEGMENTS_FOLDER + "named-at";

    private final ObjectStore store;
    private final SegmentationService personalize;
    private final Clock clock;

    public PrepareSegments(ObjectStore store, SegmentationService personalize, Clock clock) {
        this.store = store;
        this.personalize = personalize;
        this.clock = clock;
    }

    public SegmentBatch run(PrepareSegmentsRequest request) {
        BatchSegmentJobDescription job = personalize.describeBatchSegmentJob(request.jobArn());
        if (job.lifecycle() != ResourceStatus.ACTIVE) {
            throw new ResourceFailedException("batch segment job " + job.arn() + " is " + job.status()
                    + (job.failureReason() == null ? "" : ": " + job.failureReason()) + "; only ACTIVE jobs have an output");
        }
        return split(job);
    }

    /** Splits the output of a finished job (already described as ACTIVE) into one users file per query. */
    public SegmentBatch split(BatchSegmentJobDescription job) {
        // The job's output path comes from Personalize: it must still be where the training workflow puts outputs.
        S3Keys.requireUnder(job.outputPrefix(), job.outputPrefix().bucket(), TrainingPlanner.BATCH_PREFIX, "", "a batch segment job output");
        List<ObjectRef> outputs = store.list(job.outputPrefix().bucket(), job.outputPrefix().key()).stream()
                .filter(ref -> ref.key().endsWith(".out")).toList();
        if (outputs.isEmpty()) {
            throw new InputException(job.outputPrefix().url(), 0, null, "the batch segment job " + job.jobName()
                    + " is ACTIVE but wrote no .out file here");
        }
        Splitter splitter = new Splitter(job.outputPrefix(), new SegmentNames(namedAt(job.outputPrefix())));
        try {
            for (ObjectRef output : outputs) {
                splitter.reading = output;
                BatchSegmentOutputReader.read(new DataSource(output.url(), () -> store.read(output)), splitter);
            }
        } finally {
            splitter.close();
        }
        return new SegmentBatch(job.arn(), job.jobName(), splitter.segments);
    }

    /**
     * When the job's segments were first named: now, unless an earlier run named them. The marker is
     * found by listing, which the function may do under batch/ (looking up a missing key would need
     * ListBucket on the whole bucket); two runs racing in different seconds may each keep their own.
     */
    private Instant namedAt(ObjectRef outputPrefix) {
        ObjectRef marker = new ObjectRef(outputPrefix.bucket(), outputPrefix.key() + NAMED_AT);
        if (!store.list(marker.bucket(), marker.key()).contains(marker)) {
            store.writeText(marker, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        String text = store.readText(marker).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException(marker.url(), 1, null, "'" + text + "' is not an ISO-8601 instant; delete the"
                    + " object to name the segments anew");
        }
    }

    /** Streams each line's users into a temporary file and stores it when the line ends. */
    private final class Splitter implements SegmentOutputVisitor {
        private final ObjectRef outputPrefix;
        private final SegmentNames names;
        private final List<SegmentFile> segments = new ArrayList<>();
        private ObjectRef reading;
        private Path usersFile;
        private BufferedWriter users;

        Splitter(ObjectRef outputPrefix, SegmentNames names) {
            this.outputPrefix = outputPrefix;
            this.names = names;
        }

        @Override
        public void input(long line, BatchInput input) {
            // The users of a line may come before or after its input; they are buffered either way.
        }

        @Override
        public void user(long line, String userId) {
            if (userId.indexOf('\n') >= 0 || userId.indexOf('\r') >= 0) {
                throw new InputException(reading.url(), line, "usersList", "a user id holds a line break");
            }
            try {
                if (users == null) {
                    usersFile = Files.createTempFile("users", ".txt");
                    users = Files.newBufferedWriter(usersFile, StandardCharsets.UTF_8);
                }
                users.write(userId);
                users.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot buffer the users of line " + line, e);
            }
        }

        @Override
        public void endLine(long line, BatchInput input, long count, String error) {
            int index = segments.size();
            String name = names.next(input);
            String query = SegmentNames.describe(input);
            if (error != null) {
                close();
                // Personalize's error names no place: the line of the output file is where to look.
                segments.add(new SegmentFile(index, name, query, null, count,
                        new InputException(reading.url(), line, "error", error).getMessage()));
                return;
            }
            ObjectRef target = new ObjectRef(outputPrefix.bucket(), outputPrefix.key() + SEGMENTS_FOLDER
                    + String.format(Locale.ROOT, "%04d-%s.txt", index, name));
            try {
                if (users != null) {
                    users.close();
                }
                Path file = usersFile;
                store.write(target, out -> {
                    if (file != null) {
                        Files.copy(file, out);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the users of line " + line, e);
            } finally {
                close();
            }
            segments.add(new SegmentFile(index, name, query, target.url(), count, null));
        }

        void close() {
            try {
                if (users != null) {
                    users.close();
                }
                if (usersFile != null) {
                    Files.deleteIfExists(usersFile);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove a temporary users file", e);
            } finally {
                users = null;
                usersFile = null;
            }
        }
    }
}
