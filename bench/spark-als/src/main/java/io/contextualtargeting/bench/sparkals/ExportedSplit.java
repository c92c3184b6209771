package io.contextualtargeting.bench.sparkals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting as {@code benchmark quality --export DIR} wrote it into DIR/&lt;setting&gt;/ (or
 * {@code evaluate --export DIR} into DIR): the
 * training rows (user, item, timestamp, the engine's weight), the positive users of each evaluated
 * item query in file order, and from meta.json the known users, the segment sizes at 1 % and 10 % and
 * each method's item recall there as the engine's run measured it.
 */
record ExportedSplit(String setting, Rows train, Map<Integer, int[]> positives, int knownUsers, int[] segmentSizes,
                     Map<String, double[]> recall) {
    /** How meta.json names the shares of {@link ItemRecall#SHARES}. */
    static final String[] SHARE_LABELS = {"1%", "10%"};

    /** @throws BadInput naming the file when one is missing or malformed */
    static ExportedSplit read(Path folder) {
        String setting = folder.getFileName().toString();
        List<double[]> rows = csv(folder.resolve("train.csv"), "user,item,timestamp,weight");
        int n = rows.size();
        int[] users = new int[n];
        int[] items = new int[n];
        long[] timestamps = new long[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            users[i] = (int) row[0];
            items[i] = (int) row[1];
            timestamps[i] = (long) row[2];
            weights[i] = (float) row[3];
        }
        Map<Integer, List<Integer>> byItem = new LinkedHashMap<>();
        for (double[] row : csv(folder.resolve("positives.csv"), "item,user")) {
            byItem.computeIfAbsent((int) row[0], item -> new ArrayList<>()).add((int) row[1]);
        }
        Map<Integer, int[]> positives = new LinkedHashMap<>();
        byItem.forEach((item, list) -> positives.put(item, list.stream().mapToInt(Integer::intValue).toArray()));
        Path metaFile = folder.resolve("meta.json");
        JsonNode meta = json(metaFile);
        int[] sizes = new int[ItemRecall.SHARES.length];
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = number(meta.path("segmentSizes").path(SHARE_LABELS[f]), metaFile, "segmentSizes." + SHARE_LABELS[f])
                    .intValue();
        }
        Map<String, double[]> recall = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("itemRecall").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> method = it.next();
            double[] values = new double[ItemRecall.SHARES.length];
            for (int f = 0; f < values.length; f++) {
                values[f] = number(method.getValue().path(SHARE_LABELS[f]), metaFile,
                        "itemRecall." + method.getKey() + "." + SHARE_LABELS[f]).doubleValue();
            }
            recall.put(method.getKey(), values);
        }
        if (!recall.containsKey("engine")) {
            throw new BadInput(metaFile + ": no itemRecall.engine");
        }
        Rows train = new Rows(users, items, timestamps, weights);
        int knownUsers = number(meta.path("knownUsers"), metaFile, "knownUsers").intValue();
        long counted = java.util.stream.IntStream.of(users).distinct().count();
        if (counted != knownUsers) {
            throw new BadInput(metaFile + ": knownUsers is " + knownUsers + " but train.csv has " + counted + " users");
        }
        return new ExportedSplit(setting, train, positives, knownUsers, sizes, recall);
    }

    /** The rows of a CSV file with the expected header, as numbers (exact for indices and epoch seconds). */
    private static List<double[]> csv(Path file, String header) {
        List<double[]> rows = new ArrayList<>();
        int columns = header.split(",").length;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!header.equals(in.readLine())) {
                throw new BadInput(file + ": the first line must be " + header);
            }
            String line;
            for (int lineNumber = 2; (line = in.readLine()) != null; lineNumber++) {
                String[] fields = line.split(",", -1);
                if (fields.length != columns) {
                    throw new BadInput(file + " line " + lineNumber + ": expected " + header + ", got '" + line + "'");
                }
                double[] row = new double[columns];
                try {
                    for (int c = 0; c < columns; c++) {
                        row[c] = Double.parseDouble(fields[c]);
                    }
                } catch (NumberFormatException e) {
                    throw new BadInput(file + " line " + lineNumber + ": not a number in '" + line + "'");
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": missing; write it with benchmark quality --export");
        } catch (IOException e) {
            throw new BadInput(file + ": " + e.getMessage());
        }
        return rows;
    }

    private static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInput(file + ": " + (Files.exists(file) ? "not JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + ")" : "missing; write it with benchmark quality --export or evaluate --export"));
        }
    }

    private static Number number(JsonNode node, Path file, String field) {
        if (!node.isNumber()) {
            throw new BadInput(file + ": " + field + " is missing or not a number");
        }
        return node.numberValue();
    }

    /** A missing or malformed export file: reported as one line naming it. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
