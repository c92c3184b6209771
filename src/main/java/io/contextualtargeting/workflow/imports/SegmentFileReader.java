package io.contextualtargeting.workflow.imports;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.data.CsvReader;
import io.contextualtargeting.formats.data.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads a Pinpoint import file (CSV) with Pinpoint's rules: known columns only, one of three kinds
 * (endpoint ids, user ids, or new endpoints with Address and ChannelType), valid channel types and
 * opt-out values, no tabs or line breaks inside values, at most 15 endpoints per user. The whole
 * file is checked before anything is imported; the first problems are reported with their lines.
 */
public final class SegmentFileReader {
    static final int MAX_ENDPOINTS_PER_USER = 15;
    private static final int MAX_REPORTED = 20;
    private static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "VOICE", "PUSH", "APNS", "APNS_SANDBOX",
            "APNS_VOIP", "APNS_VOIP_SANDBOX", "GCM", "BAIDU", "ADM", "CUSTOM", "IN_APP");
    private static final Set<String> PLAIN_COLUMNS = Set.of("Id", "Address", "ChannelType", "OptOut",
            "EffectiveDate", "RequestId", "EndpointStatus", "User.UserId");
    private static final List<String> ATTRIBUTE_PREFIXES = List.of("User.UserAttributes.", "Attributes.",
            "Demographic.", "Location.", "Metrics.");

    /** What a file does in Pinpoint. */
    public enum Kind {
        /** Rows name existing endpoints by Id. */
        ENDPOINT_IDS,
        /** Rows name users; the segment holds all their endpoints. */
        USER_IDS,
        /** Rows define endpoints (Address, ChannelType), registering them. */
        NEW_ENDPOINTS
    }

    /** The outcome of reading a whole valid file. */
    public record Summary(Kind kind, long rows) {
    }

    /**
     * Checks the whole file, handing each row to {@code rows} as it goes; throws
     * {@link InvalidSegmentFileException} when any row is invalid (the consumer may then have seen
     * rows: callers that apply rows read the file twice, checking first).
     */
    public Summary read(String source, InputStream in, Consumer<SegmentFileRow> rows) {
        try (CsvReader reader = new CsvReader(source, in)) {
            CsvRecord record = new CsvRecord(source);
            if (!reader.next(record)) {
                throw new InvalidSegmentFileException(source, List.of(new InputException(source, 1, null,
                        "the file is empty; a segment file starts with a header such as Id or User.UserId")), 1);
            }
            Header header = Header.of(record);
            reader.nameColumns(List.of(header.names));
            Problems problems = new Problems(source);
            Map<String, Integer> endpointsPerUser = header.kind == Kind.NEW_ENDPOINTS ? new HashMap<>() : null;
            long count = 0;
            while (reader.next(record)) {
                count++;
                SegmentFileRow row = header.row(record, problems, endpointsPerUser);
                if (row != null && problems.total == 0) {
                    rows.accept(row);
                }
            }
            if (count == 0) {
                problems.add(new InputException(source, 2, null, "the file has a header but no rows"));
            }
            problems.throwIfAny();
            return new Summary(header.kind, count);
        } catch (InputException e) {
            throw e instanceof InvalidSegmentFileException ? e : new InvalidSegmentFileException(source, List.of(e), 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** The columns of a file and the kind they make it. */
    private static final class Header {
        private final String[] names;
        private final Kind kind;
        private final int id;
        private final int userId;
        private final int channelType;
        private final int address;
        private final int optOut;

        private Header(String[] names, Kind kind) {
            this.names = names;
            this.kind = kind;
            List<String> list = List.of(names);
            this.id = list.indexOf("Id");
            this.userId = list.indexOf("User.UserId");
            this.channelType = list.indexOf("ChannelType");
            this.address = list.indexOf("Address");
            this.optOut = list.indexOf("OptOut");
        }

        static Header of(CsvRecord record) {
            String[] names = new String[record.fieldCount()];
            for (int i = 0; i < names.length; i++) {
                String name = record.text(i).trim();
                if (!PLAIN_COLUMNS.contains(name) && ATTRIBUTE_PREFIXES.stream().noneMatch(name::startsWith)) {
                    throw record.error(name, "Pinpoint does not know this column; use Id, User.UserId, Address, ChannelType, "
                            + "OptOut, EffectiveDate, RequestId or a User.UserAttributes., Attributes., Demographic., Location. or Metrics. column");
                }
                names[i] = name;
            }
            List<String> list = List.of(names);
            Kind kind;
            if (list.contains("Address") || list.contains("ChannelType")) {
                if (!list.contains("Address") || !list.contains("ChannelType")) {
                    throw record.error(list.contains("Address") ? "ChannelType" : "Address",
                            "new endpoints need both Address and ChannelType columns");
                }
                kind = Kind.NEW_ENDPOINTS;
            } else if (list.contains("Id")) {
                kind = Kind.ENDPOINT_IDS;
            } else if (list.contains("User.UserId")) {
                kind = Kind.USER_IDS;
            } else {
                throw record.error(null, "a segment file needs an Id column (endpoint ids), a User.UserId column (user ids) "
                        + "or Address and ChannelType columns (new endpoints)");
            }
            return new Header(names, kind);
        }

        /** The row, or null after recording its problems. */
        SegmentFileRow row(CsvRecord record, Problems problems, Map<String, Integer> endpointsPerUser) {
            if (record.fieldCount() != names.length) {
                String missing = record.fieldCount() < names.length ? names[record.fieldCount()] : null;
                problems.add(record.error(missing, "has " + record.fieldCount() + " values but the header has "
                        + names.length + " columns"));
                return null;
            }
            int before = problems.total;
            for (int i = 0; i < names.length; i++) {
                String value = record.text(i);
                if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                    problems.add(record.error(names[i], "Pinpoint does not accept tabs or line breaks inside values"));
                }
            }
            String idValue = value(record, id);
            String user = value(record, userId);
            String channel = value(record, channelType);
            String addressValue = value(record, address);
            String optOutValue = value(record, optOut);
            switch (kind) {
                case ENDPOINT_IDS -> require(record, problems, "Id", idValue);
                case USER_IDS -> require(record, problems, "User.UserId", user);
                case NEW_ENDPOINTS -> {
                    require(record, problems, "Address", addressValue);
                    if (channel == null || !CHANNELS.contains(channel.toUpperCase(Locale.ROOT))) {
                        problems.add(record.error("ChannelType", "'" + (channel == null ? "" : channel)
                                + "' is not a channel type; use one of " + String.join(", ", new TreeSet<>(CHANNELS))));
                    }
                    if (user != null && endpointsPerUser.merge(user, 1, Integer::sum) == MAX_ENDPOINTS_PER_USER + 1) {
                        problems.add(record.error("User.UserId", "user '" + user + "' has more than "
                                + MAX_ENDPOINTS_PER_USER + " endpoints, Pinpoint's limit"));
                    }
                }
            }
            if (optOutValue != null && !optOutValue.equals("ALL") && !optOutValue.equals("NONE")) {
                problems.add(record.error("OptOut", "'" + optOutValue + "' is not ALL or NONE"));
            }
            if (problems.total > before) {
                return null;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (!PLAIN_COLUMNS.contains(names[i]) && !record.isEmpty(i)) {
                    attributes.put(names[i], record.text(i));
                }
            }
            return new SegmentFileRow(record.line(), idValue, user,
                    channel == null ? null : channel.toUpperCase(Locale.ROOT), addressValue, optOutValue, attributes);
        }

        private static String value(CsvRecord record, int column) {
            return column < 0 || record.isEmpty(column) ? null : record.text(column).trim();
        }

        private static void require(CsvRecord record, Problems problems, String column, String value) {
            if (value == null || value.isEmpty()) {
                problems.add(record.error(column, "is empty"));
            }
        }
    }

    /** The first problems of a file and how many there are in all. */
    private static final class Problems {
        private final String source;
        private final List<InputException> first = new ArrayList<>();
        private int total;

        Problems(String source) {
            this.source = source;
        }

        void add(InputException problem) {
            total++;
            if (first.size() < MAX_REPORTED) {
                first.add(problem);
            }
        }

        void throwIfAny() {
            if (total > 0) {
                throw new InvalidSegmentFileException(source, first, total);
            }
        }
    }
}
