package io.contextualtargeting.local.bench;

import io.contextualtargeting.engine.bench.HeapPeak;
import io.contextualtargeting.engine.bench.Timing;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ResourceStatus;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobDescription;
import io.contextualtargeting.workflow.segments.PrepareSegments;
import io.contextualtargeting.workflow.segments.SegmentBatch;
import io.contextualtargeting.workflow.segments.SegmentFile;
import io.contextualtargeting.workflow.segments.SegmentFileForm;
import io.contextualtargeting.workflow.segments.SegmentReport;
import io.contextualtargeting.workflow.segments.WriteSegment;
import io.contextualtargeting.workflow.segments.WriteSegmentRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Times segment post-processing on a large job output, on the local folder store: the real
 * {@link PrepareSegments} step splits the output into users files, then the real
 * {@link WriteSegment} step writes every segment in both file forms, the {@code Id} form against
 * {@link SyntheticEndpointDirectory} (so AWS latency is left out). Prints time and peak heap of
 * each step and checks that every user is accounted for. Run it under the heap to be proven,
 * e.g. {@code java -Xmx512m}.
 */
public final class PostProcessingBenchmark {
    private static final String BUCKET = "personalize";
    private static final String OUTPUT_PREFIX = "batch/bench/output/";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final Path root;
    private final int lookupThreads;
    private final PrintStream out;

    /** @param root a folder for the store; the objects the benchmark writes there are deleted at the end */
    public PostProcessingBenchmark(Path root, int lookupThreads, PrintStream out) {
        this.root = root;
        this.lookupThreads = lookupThreads;
        this.out = out;
    }

    /**
     * One job output of {@code answered} lines of {@code users} users each (numbered so that each
     * line's users overlap the previous line's by half) and one line Personalize could not answer.
     */
    public void run(int users, int answered) throws IOException {
        out.printf("machine: %d processors, max heap %,d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
                HeapPeak.maxHeapMegabytes(), System.getProperty("java.version"));
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        ObjectRef output = new ObjectRef(BUCKET, OUTPUT_PREFIX + "job_config.json.out");
        Timing timing = new Timing();
        timing.start();
        store.write(output, body -> writeJobOutput(body, users, answered));
        timing.stop();
        out.printf("job output: %d lines, %,d users per answered line, %,d MB, written in %s%n", answered + 1, users,
                Files.size(store.pathOf(output)) >> 20, timing);

        HeapPeak.reset();
        timing = new Timing();
        timing.start();
        // split() is the step after its Personalize call, so no segmentation service is needed
        SegmentBatch batch = new PrepareSegments(store, null, Clock.fixed(NOW, ZoneOffset.UTC)).split(job());
        timing.stop();
        out.printf("PrepareSegments: %d segments in %s, peak heap %,d MB%n", batch.segments().size(), timing,
                HeapPeak.megabytes());

        for (SegmentFileForm form : SegmentFileForm.values()) {
            // no Id-form size limit: this measures the step itself, not Pinpoint's call quota
            WriteSegment step = new WriteSegment(store, new SyntheticEndpointDirectory(), lookupThreads, 0);
            for (SegmentFile segment : batch.segments()) {
                HeapPeak.reset();
                timing = new Timing();
                timing.start();
                SegmentReport report = step.run(new WriteSegmentRequest(segment, "segments", "import/", form.header()));
                timing.stop();
                out.printf("WriteSegment %s, %s: %s, peak heap %,d MB; %s%n", form.header(), segment.name(), timing,
                        HeapPeak.megabytes(), describe(report));
                if (report.csv() != null) {
                    store.delete(ObjectRef.parse(report.csv()));
                }
            }
        }
        for (ObjectRef written : store.list(BUCKET, OUTPUT_PREFIX)) {
            store.delete(written);
        }
    }

    private static BatchSegmentJobDescription job() {
        ObjectRef prefix = new ObjectRef(BUCKET, OUTPUT_PREFIX);
        return new BatchSegmentJobDescription("arn:aws:personalize:local:000000000000:batch-segment-job/bench", "bench",
                ResourceStatus.ACTIVE.wire(), null, "arn:aws:personalize:local:000000000000:solution/bench/1",
                new ObjectRef(BUCKET, "batch/bench/job_config.json"), prefix, 5_000_000);
    }

    private static String describe(SegmentReport report) {
        if (report.failed()) {
            return "failed query, reported: " + report.error();
        }
        boolean accounted = report.usersWritten() + report.usersWithoutEndpoint() + report.optedOutUsers() == report.users();
        return String.format("%,d users: %,d written (%,d endpoint rows), %,d without endpoint, %,d opted out; accounted: %s",
                report.users(), report.usersWritten(), report.endpointsWritten(), report.usersWithoutEndpoint(),
                report.optedOutUsers(), accounted);
    }

    private static void writeJobOutput(OutputStream body, int users, int answered) throws IOException {
        OutputStream out = new BufferedOutputStream(body, 1 << 16);
        for (int line = 0; line < answered; line++) {
            String input = line % 2 == 0
                    ? "{\"itemId\": \"" + (100 + line) + "\"}"
                    : "{\"itemAttributes\": \"ITEMS.genres = \\\"Genre" + line + "\\\"\"}";
            out.write(("{\"input\": " + input + ", \"output\": {\"usersList\": [").getBytes(StandardCharsets.UTF_8));
            long first = (long) line * users / 2;
            for (long n = first; n < first + users; n++) {
                if (n > first) {
                    out.write(',');
                    out.write(' ');
                }
                out.write('"');
                out.write(SyntheticEndpointDirectory.userId(n).getBytes(StandardCharsets.US_ASCII));
                out.write('"');
            }
            out.write("]}, \"error\": null}\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("{\"input\": {\"itemId\": \"unknown\"}, \"output\": null,"
                + " \"error\": \"item 'unknown' is not in the training data\"}\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
