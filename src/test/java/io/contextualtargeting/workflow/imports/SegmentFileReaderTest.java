package io.contextualtargeting.workflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SegmentFileReaderTest {
    private final SegmentFileReader reader = new SegmentFileReader();
    private final List<SegmentFileRow> rows = new ArrayList<>();

    private SegmentFileReader.Summary read(String text) {
        return reader.read("seg.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rows::add);
    }

    @Test
    void endpointIdFilesNameExistingEndpoints() {
        SegmentFileReader.Summary summary = read("Id\ne1\n\"e2,x\"\nlcuxhxpqh/ytkitku2zynrqb2ce\n");

        assertThat(summary).isEqualTo(new SegmentFileReader.Summary(SegmentFileReader.Kind.ENDPOINT_IDS, 3));
        assertThat(rows).extracting(SegmentFileRow::id).containsExactly("e1", "e2,x", "lcuxhxpqh/ytkitku2zynrqb2ce");
    }

    @Test
    void userIdFilesNameUsers() {
        assertThat(read("\uFEFFUser.UserId\r\nu1\r\nu2\r\n").kind()).isEqualTo(SegmentFileReader.Kind.USER_IDS);
        assertThat(rows).extracting(SegmentFileRow::userId).containsExactly("u1", "u2");
    }

    @Test
    void endpointFilesDefineEndpointsWithAttributesAndOptOut() {
        read("User.UserId,ChannelType,User.UserAttributes.Gender,Address,OptOut\nu1,email,F,a@example.com,ALL\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.channelType()).isEqualTo("EMAIL");
            assertThat(row.optedOut()).isTrue();
            assertThat(row.attributes()).containsEntry("User.UserAttributes.Gender", "F");
            assertThat(row.line()).isEqualTo(2);
        });
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndFieldAndNoRowIsHandedOn() {
        String text = "User.UserId,ChannelType,Address,OptOut\nu1,EMAIL,a@x.io,NONE\nu2,PIGEON,b@x.io,NONE\nu3,EMAIL,,SOMETIMES\nu4,EMAIL\n";

        assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(InvalidSegmentFileException.class, e -> {
            assertThat(e.total()).isEqualTo(4);
            assertThat(e.getMessage()).contains("line 3, field ChannelType: 'PIGEON' is not a channel type",
                    "line 4, field Address: is empty", "line 4, field OptOut: 'SOMETIMES' is not ALL or NONE",
                    "line 5, field Address: has 2 values but the header has 4 columns");
        });
        assertThat(rows).hasSize(1);
    }

    @Test
    void aSixteenthEndpointOfOneUserIsRefused() {
        String text = "User.UserId,ChannelType,Address\n" + IntStream.rangeClosed(1, 16)
                .mapToObj(i -> "u1,EMAIL,a" + i + "@x.io").collect(Collectors.joining("\n"));

        assertThatThrownBy(() -> read(text)).hasMessageContaining("line 17, field User.UserId: user 'u1' has more than 15 endpoints");
    }

    @Test
    void unknownColumnsAndEmptyFilesAreRefused() {
        assertThatThrownBy(() -> read("Id,Colour\ne1,red\n")).hasMessageContaining("line 1, field Colour: Pinpoint does not know this column");
        assertThatThrownBy(() -> read("")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> read("Id\n")).hasMessageContaining("the file has a header but no rows");
        assertThatThrownBy(() -> read("Address\nx\n")).hasMessageContaining("field ChannelType: new endpoints need both");
        assertThatThrownBy(() -> read("Id\n\"unterminated\n")).hasMessageContaining("seg.csv, line 2").hasMessageContaining("not closed");
    }

    @Test
    void tabsInsideValuesAreRefused() {
        assertThatThrownBy(() -> read("Id\n\"a\tb\"\n")).hasMessageContaining("line 2, field Id: Pinpoint does not accept tabs");
    }
}
