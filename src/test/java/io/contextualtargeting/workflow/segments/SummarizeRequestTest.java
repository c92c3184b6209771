package io.contextualtargeting.workflow.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizeRequestTest {
    @Test
    void totalsEveryUserAndMakesCaughtErrorsReadable() {
        SegmentReport written = new SegmentReport("ITEMSgenresAction_20261128-101500", "ITEMS.genres = \"Action\"",
                "s3://imp/pinpoint/ITEMSgenresAction_20261128-101500.csv", "Id", 10, 7, 9, 2, 1, null);
        SegmentReport caught = new SegmentReport("item_105_20261128-101500", "105", null, null, 5, 0, 0, 0, 0,
                "{\"errorMessage\":\"users file is missing\",\"errorType\":\"io.contextualtargeting.ports.ObjectNotFoundException\"}");

        SegmentsSummary summary = new SummarizeRequest("arn:job", "job", List.of(written, caught)).summarize();

        assertThat(summary.outcome()).isEqualTo("FAILED");
        assertThat(summary.failedSegments()).isEqualTo(1);
        assertThat(summary.users()).isEqualTo(15);
        assertThat(summary.usersWritten() + summary.usersWithoutEndpoint() + summary.optedOutUsers()).isEqualTo(10);
        assertThat(summary.endpointsWritten()).isEqualTo(9);
        assertThat(summary.segments().get(1).error()).isEqualTo("users file is missing");
        assertThat(summary.failure()).isEqualTo("1 of 2 segments of job failed:\n- item_105_20261128-101500 (105): users file is missing");
    }

    @Test
    void noFailedSegmentMeansSuccess() {
        SegmentsSummary summary = new SummarizeRequest("arn:job", "job", List.of()).summarize();

        assertThat(summary.outcome()).isEqualTo("SUCCEEDED");
        assertThat(summary.failure()).isNull();
        assertThat(summary.segments()).isEmpty();
    }
}
