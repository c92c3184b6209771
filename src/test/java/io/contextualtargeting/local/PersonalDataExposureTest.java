package io.contextualtargeting.local;

import static io.contextualtargeting.local.PipelineRun.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail addresses and phone numbers of the input never reach what a run logs: execution
 * histories (the Step Functions console and its CloudWatch logs on AWS), emails and the console,
 * even when bad rows put them where an error message quotes the value.
 */
class PersonalDataExposureTest {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{8,15}");

    @RegisterExtension
    static final TinyDataset DATASET = new TinyDataset();
    @TempDir
    Path dir;

    @Test
    void noAddressOrPhoneNumberOfTheInputReachesExecutionsEmailsOrTheConsole() {
        PipelineFixture fixture = DATASET.copyTo(dir);
        String email = field(PipelineFixture.line(fixture.endpoints(), 2), 3);
        String phone = PipelineFixture.lines(fixture.endpoints()).stream().map(l -> field(l, 3)).filter(a -> a.startsWith("+"))
                .findFirst().orElseThrow();
        // Shifted columns put personal data where values are quoted: channel type, opt-out, age, user id.
        PipelineFixture.editLine(fixture.endpoints(), 3, l -> l.replace(",EMAIL,", "," + email + ","));
        PipelineFixture.editLine(fixture.endpoints(), 4, l -> l.replaceAll(",(NONE|ALL)$", "," + phone));
        PipelineFixture.append(fixture.endpoints(), java.util.stream.IntStream.rangeClosed(1, 16)
                .mapToObj(i -> email + ",EMAIL,F,extra" + i + "@example.com,30,NONE").toArray(String[]::new));
        PipelineFixture.editLine(fixture.users(), 5, l -> l.replaceAll(",\\d+$", "," + email));

        PipelineRun run = fixture.run();

        assertThat(run.importOf("endpoints.csv").status().name()).isEqualTo("FAILED");
        assertThat(run.execution(TRAINING).status().name()).isEqualTo("FAILED");
        assertThat(run.shown(run.importOf("endpoints.csv"))).contains("endpoints.csv: 3 problems").contains("line 3, field ChannelType: '<e-mail address>'")
                .contains("line 4, field OptOut: '<phone number>' is not ALL or NONE");
        assertThat(run.emails()).anySatisfy(mail -> assertThat(mail).contains("users.csv, line 5, field AGE: '<e-mail address>'"));
        List<String> personal = personalData(List.of(fixture.endpoints(), fixture.users()));
        assertThat(personal).contains(email, phone);
        List<String> logged = new ArrayList<>(run.emails());
        logged.add(run.consoleText());
        run.writtenFiles().stream().filter(f -> f.startsWith(run.work().resolve("executions"))).map(PipelineFixture::read)
                .forEach(logged::add);
        run.executions("").forEach(e -> logged.add(run.shown(e)));
        assertThat(logged).allSatisfy(text -> assertThat(personal).noneMatch(text::contains));
    }

    private static String field(String line, int index) {
        return line.split(",", -1)[index];
    }

    private static List<String> personalData(List<Path> files) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String text = PipelineFixture.read(file);
            for (Pattern pattern : List.of(EMAIL, PHONE)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }
}
