package io.contextualtargeting.engine.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic dataset to disk: items first (held in memory), then users, their endpoints
 * and their interactions streamed block by block (rendered in parallel, written in user order, so
 * memory stays flat and the bytes do not depend on the thread count), then the training config
 * and the batch segment job inputs chosen from what was generated.
 */
public final class DatasetGenerator {
    /** Users per rendered block; at most two blocks per thread are in memory at once. */
    static final int USERS_PER_BLOCK = 1_000;
    private static final int STREAM_BUFFER = 1 << 16;

    public GenerationSummary generate(GeneratorSettings settings, Path root) throws IOException {
        SyntheticWorld world = SyntheticWorld.create(settings);
        DatasetLayout layout = new DatasetLayout(root, settings.name());
        Files.createDirectories(layout.trainingDirectory());
        Files.createDirectories(layout.endpoints().getParent());

        long itemsBytes = writeItems(layout.items(), world.catalog());
        long[] interactionsPerItem = new long[world.catalog().size()];
        StreamedCounts streamed = streamUsers(world, layout, interactionsPerItem);

        BatchQueries queries = BatchQueryPlanner.plan(world.catalog(), interactionsPerItem);
        DatasetWriter.writeJson(layout.trainingConfig(), TrainingConfig.build(layout, settings.numResults()));
        DatasetWriter.writeQueries(layout, queries);

        int headers = 4;
        long lines = headers + world.catalog().size() + settings.users() + streamed.interactions + streamed.endpoints;
        return new GenerationSummary(layout, world.period(), settings.users(), world.catalog().size(),
                streamed.interactions, streamed.endpoints, lines, itemsBytes + streamed.bytes, queries);
    }

    private static long writeItems(Path file, Catalog catalog) throws IOException {
        AsciiBuffer rows = new AsciiBuffer(catalog.size() * 64);
        rows.text(DatasetLayout.ITEMS_HEADER).newline();
        for (Item item : catalog.items()) {
            rows.text(item.id()).comma().text(item.title()).comma().number(item.releaseYear()).comma()
                    .number(item.creationTimestamp()).comma().text(catalog.genreField(item)).newline();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            rows.writeTo(out);
        }
        return rows.length();
    }

    private record StreamedCounts(long interactions, long endpoints, long bytes) {
    }

    private static StreamedCounts streamUsers(SyntheticWorld world, DatasetLayout layout, long[] interactionsPerItem)
            throws IOException {
        int users = world.settings().users();
        int threads = world.settings().threads();
        UserBlockRenderer renderer = new UserBlockRenderer(world);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "generate-users");
            thread.setDaemon(true);
            return thread;
        });
        long interactions = 0;
        long endpoints = 0;
        long bytes = 0;
        try (OutputStream usersOut = open(layout.users(), DatasetLayout.USERS_HEADER);
             OutputStream interactionsOut = open(layout.interactions(), DatasetLayout.INTERACTIONS_HEADER);
             OutputStream endpointsOut = open(layout.endpoints(), DatasetLayout.ENDPOINTS_HEADER)) {
            ArrayDeque<Future<RenderedBlock>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < users || !inFlight.isEmpty()) {
                while (next < users && inFlight.size() < 2 * threads) {
                    int from = next;
                    int to = Math.min(users, from + USERS_PER_BLOCK);
                    inFlight.add(pool.submit(() -> renderer.render(from, to)));
                    next = to;
                }
                RenderedBlock block = await(inFlight.poll());
                block.writeTo(usersOut, interactionsOut, endpointsOut);
                for (int i = 0; i < block.interactionCount(); i++) {
                    interactionsPerItem[block.interactedItems()[i]]++;
                }
                interactions += block.interactionCount();
                endpoints += block.endpointCount();
                bytes += block.bytes();
            }
        } finally {
            pool.shutdownNow();
        }
        long headerBytes = DatasetLayout.USERS_HEADER.length() + DatasetLayout.INTERACTIONS_HEADER.length()
                + DatasetLayout.ENDPOINTS_HEADER.length() + 3;
        return new StreamedCounts(interactions, endpoints, bytes + headerBytes);
    }

    private static RenderedBlock await(Future<RenderedBlock> block) throws IOException {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating users", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static OutputStream open(Path file, String header) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), STREAM_BUFFER);
        out.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
        return out;
    }
}
