package io.contextualtargeting.local;

import static io.contextualtargeting.local.PipelineRun.POST_PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.HistoryEvent;
import io.contextualtargeting.ports.ObjectRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user of every segment is accounted for, in the execution output and in the email:
 * written + without endpoint + opted out = users, on endpoints chosen so that each kind of user is
 * in the segments: by user id modulo 4, no endpoint; one opted-out endpoint; three endpoints of
 * which one opted out; one endpoint.
 */
class AccountingTest {
    @RegisterExtension
    static final TinyDataset DATASET = new TinyDataset();
    @TempDir
    Path dir;

    @Test
    void everyUserOfEverySegmentIsWrittenOrWithoutEndpointOrOptedOut() {
        PipelineFixture fixture = DATASET.copyTo(dir);
        PipelineFixture.write(fixture.endpoints(), endpoints(PipelineFixture.SETTINGS.users()));

        PipelineRun run = fixture.run();

        assertThat(run.summary().allSucceeded()).as(run.consoleText()).isTrue();
        Map<String, Tally> expected = expectedTallies(run);
        assertThat(expected).hasSize(2 * PipelineFixture.QUERIES_PER_JOB);
        assertThat(expected.values()).as("the dataset puts every kind of user in some segment")
                .anyMatch(t -> t.withoutEndpoint > 0).anyMatch(t -> t.optedOut > 0).anyMatch(t -> t.endpoints > t.written);
        for (RunSummary.Segment segment : run.summary().segments()) {
            Tally tally = expected.get(segment.query());
            assertThat(new Tally(segment.users(), segment.usersWritten(), segment.usersWithoutEndpoint(),
                    segment.optedOutUsers(), segment.endpointsWritten())).as(segment.name()).isEqualTo(tally);
            assertThat(tally.written + tally.withoutEndpoint + tally.optedOut).isEqualTo(tally.users);
            assertThat(PipelineFixture.lines(Path.of(segment.csv())).subList(1, (int) tally.endpoints + 1))
                    .as("the file holds each reachable endpoint once").doesNotHaveDuplicates();
            assertThat(run.cloud().pinpoint().segmentSizes()).containsEntry(Path.of(segment.csv()).getFileName().toString(),
                    (int) tally.endpoints);
        }
        for (ExecutionRecord execution : run.executions(POST_PROCESSING)) {
            JsonNode output = execution.output();
            assertThat(output.path("usersWritten").asLong() + output.path("usersWithoutEndpoint").asLong()
                    + output.path("optedOutUsers").asLong()).isEqualTo(output.path("users").asLong());
            String mail = run.emails().stream().filter(m -> m.contains(output.path("jobName").asText())
                    && m.contains("segments written")).findFirst().orElseThrow();
            assertThat(mail).contains(String.format(Locale.ROOT, "Users %d: written %d, without endpoint %d, opted out %d;",
                    output.path("users").asLong(), output.path("usersWritten").asLong(),
                    output.path("usersWithoutEndpoint").asLong(), output.path("optedOutUsers").asLong()));
            for (JsonNode report : output.path("segments")) {
                Tally tally = expected.get(report.path("query").asText());
                assertThat(mail).contains(String.format(Locale.ROOT,
                        "users %d, written %d, without endpoint %d, opted out %d, endpoints %d",
                        tally.users, tally.written, tally.withoutEndpoint, tally.optedOut, tally.endpoints));
            }
        }
    }

    /** Users 0 mod 4 have none; 1 mod 4 one opted out; 2 mod 4 three (one opted out); 3 mod 4 one. */
    private static String endpoints(int users) {
        List<String> rows = new ArrayList<>();
        rows.add(DatasetLayout.ENDPOINTS_HEADER);
        for (int user = 1; user <= users; user++) {
            switch (user % 4) {
                case 1 -> rows.add(user + ",EMAIL,F,u" + user + "@example.com,30,ALL");
                case 2 -> {
                    rows.add(user + ",EMAIL,F,u" + user + "@example.com,30,NONE");
                    rows.add(user + ",SMS,F,+1555010" + String.format(Locale.ROOT, "%04d", user) + ",30,NONE");
                    rows.add(user + ",EMAIL,F,u" + user + ".old@example.com,30,ALL");
                }
                case 3 -> rows.add(user + ",EMAIL,M,u" + user + "@example.com,41,NONE");
                default -> { }
            }
        }
        return String.join("\n", rows) + "\n";
    }

    /** What each segment (by query) must report, from the users the job chose and the endpoints given to each. */
    private static Map<String, Tally> expectedTallies(PipelineRun run) {
        Map<String, Tally> tallies = new HashMap<>();
        for (ExecutionRecord execution : run.executions(POST_PROCESSING)) {
            for (JsonNode segment : prepared(execution).path("segments")) {
                List<Integer> users = PipelineFixture.lines(run.pathOf(ObjectRef.parse(segment.path("users").asText())))
                        .stream().map(Integer::parseInt).toList();
                tallies.put(segment.path("query").asText(), new Tally(users.size(),
                        users.stream().filter(u -> u % 4 >= 2).count(),
                        users.stream().filter(u -> u % 4 == 0).count(),
                        users.stream().filter(u -> u % 4 == 1).count(),
                        users.stream().mapToLong(u -> u % 4 == 2 ? 2 : u % 4 == 3 ? 1 : 0).sum()));
            }
        }
        return tallies;
    }

    private static JsonNode prepared(ExecutionRecord execution) {
        return execution.events().stream()
                .filter(e -> e.type().endsWith("StateExited") && "PrepareSegments".equals(e.stateName()))
                .map(HistoryEvent::details).map(d -> d.get("output")).findFirst().orElseThrow();
    }

    private record Tally(long users, long written, long withoutEndpoint, long optedOut, long endpoints) {
    }
}
