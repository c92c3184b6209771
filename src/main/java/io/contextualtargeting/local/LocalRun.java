package io.contextualtargeting.local;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.local.store.WorkFolderLock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One local run of the whole pipeline on a data folder in the reference layout, the README's AWS
 * steps in order: {@code aws s3 sync data/pinpoint s3://<segment import bucket>/<prefix>} imports the
 * endpoints (only when the stack has Pinpoint), then {@code aws s3 sync data/personalize s3://<personalize bucket>} trains and segments;
 * each upload's events are delivered until no execution is left to run. The work folder is locked
 * for the run ({@link WorkFolderLock}: a second run on it stops at once) and emptied first, so every
 * run starts from a fresh cloud.
 */
public final class LocalRun {
    /** Marks a folder as a work folder of this tool, the only kind a run empties. */
    static final String MARKER = ".contextual-targeting-work";
    /** The PinpointProjectId that deploys no Pinpoint part. */
    private static final String NO_PINPOINT = "none";

    private final Path data;
    private final LocalCloud.Settings settings;

    public LocalRun(Path data, LocalCloud.Settings settings) {
        this.data = data;
        this.settings = settings;
    }

    public RunSummary run(PrintStream out) {
        return run(out, cloud -> { });
    }

    /**
     * @param beforeUploads sees the started cloud before the first upload: tests drive its local
     *                      stand-ins (e.g. hold a resource pending) and keep it to inspect afterwards
     */
    public RunSummary run(PrintStream out, Consumer<LocalCloud> beforeUploads) {
        Path endpoints = requireFolder(data.resolve("pinpoint"));
        Path personalize = requireFolder(data.resolve("personalize"));
        requireWorkFolder(settings.work());
        try (WorkFolderLock lock = WorkFolderLock.acquire(settings.work())) {
            prepareWork(settings.work());
            return run(out, beforeUploads, endpoints, personalize);
        }
    }

    private RunSummary run(PrintStream out, Consumer<LocalCloud> beforeUploads, Path endpoints, Path personalize) {
        LocalCloud cloud = LocalCloud.start(settings);
        beforeUploads.accept(cloud);
        boolean pinpoint = !NO_PINPOINT.equals(cloud.parameter("PinpointProjectId"));
        if (pinpoint) {
            String importBucket = cloud.bucket("SegmentImportBucket");
            String prefix = cloud.parameter("SegmentImportPrefix");
            out.println("== aws s3 sync " + endpoints + " s3://" + importBucket + "/" + prefix);
            cloud.sync(endpoints, importBucket, prefix);
            cloud.drain();
        } else {
            // As docs/deploy.md says: the endpoints are uploaded only for Pinpoint to import them.
            out.println("== PinpointProjectId " + NO_PINPOINT + " (no Pinpoint): " + endpoints + " is not uploaded");
        }
        String personalizeBucket = cloud.bucket("PersonalizeBucket");
        out.println("== aws s3 sync " + personalize + " s3://" + personalizeBucket);
        cloud.sync(personalize, personalizeBucket, "");
        cloud.drain();
        return RunSummary.of(cloud.executions().list(), cloud.store(), cloud.outbox().sent(), pinpoint,
                cloud.pinpoint().endpointCount());
    }

    private static Path requireFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder.toString(), 0, null, "no such folder: the data folder needs pinpoint/ "
                    + "(endpoints.csv) and personalize/ (train/ and batch/), as `generate --out DIR` writes them");
        }
        return folder;
    }

    /** Refuses a non-empty folder this tool did not create, before anything is written in it. */
    private static void requireWorkFolder(Path work) {
        if (!Files.isDirectory(work)) {
            return;
        }
        try (Stream<Path> entries = Files.list(work)) {
            if (entries.anyMatch(p -> !isLockFile(work, p)) && !Files.exists(work.resolve(MARKER))) {
                throw new InputException(work.toString(), 0, null, "is not empty and is not a work folder of "
                        + "contextual-targeting; choose another --work folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the work folder " + work, e);
        }
    }

    /** Empties the locked work folder but for its lock file. */
    private static void prepareWork(Path work) {
        try {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(work) && !isLockFile(work, path)) {
                        Files.delete(path);
                    }
                }
            }
            Files.writeString(work.resolve(MARKER), "work folder of contextual-targeting run; emptied by every run\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the work folder " + work, e);
        }
    }

    private static boolean isLockFile(Path work, Path path) {
        return path.equals(work.resolve(WorkFolderLock.FILE));
    }
}
