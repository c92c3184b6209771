package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The command line itself: help, version, suggestions, exit codes and checks before anything is touched. */
class MainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Every command and subcommand, as the words that name it: {@code [run]}, {@code [benchmark, train]}. */
    static Stream<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>();
        collect(commandLine(), List.of(), commands);
        return commands.stream();
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> named = new ArrayList<>(words);
                named.add(name);
                into.add(named);
                collect(sub, named, into);
            }
        });
    }

    private static CommandLine commandLine() {
        return Main.commandLine(new Streams(System.out, System.err), Clock.systemUTC(), System::nanoTime);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpOnEveryCommandDescribesEveryOption(List<String> command) {
        for (String help : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(command);
            args.add(help);
            out.reset();

            assertThat(run(args.toArray(String[]::new))).as(err()).isZero();
            assertThat(out()).contains("Usage: contextual-targeting-local.jar " + String.join(" ", command))
                    .contains("Exit codes:");
        }
        CommandLine spec = commandLine();
        for (String word : command) {
            spec = spec.getSubcommands().get(word);
        }
        for (OptionSpec option : spec.getCommandSpec().options()) {
            assertThat(String.join(" ", option.description())).as(option.longestName()).isNotBlank();
            assertThat(out()).contains(option.longestName());
        }
    }

    @Test
    void helpCommandPrintsACommandsHelp() {
        assertThat(run("help", "run")).isZero();
        assertThat(out()).contains("Usage: contextual-targeting-local.jar run", "--segment-file-form=FORM",
                "User.UserId, Id", "Default: .local-run", "--engine=ENGINE", "Personalize, Embedded");
    }

    @Test
    void requiredOptionsAreMarkedInTheUsage() {
        assertThat(run("segment", "--help")).isZero();
        assertThat(out()).contains(" --interactions=FILE ", " --num-results=N ", " --out=FILE ", " --queries=FILE ",
                "[--items=FILE]", "[--config=FILE]");
    }

    /** The README's command table marks as required (outside brackets) exactly the options the usage marks. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "segment", "evaluate", "generate", "init"})
    void theReadmeAndTheUsageAgreeOnRequiredOptions(String command) throws Exception {
        String row = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("| `" + command + " "))
                .findFirst().orElseThrow();
        String usage = row.substring(3, row.indexOf('`', 3));
        String required = usage;
        for (String previous = ""; !previous.equals(required); ) {
            previous = required;
            required = required.replaceAll("\\[[^\\[\\]]*]", "");
        }
        CommandLine.Model.CommandSpec spec = commandLine().getSubcommands().get(command).getCommandSpec();

        assertThat(options(required)).isEqualTo(spec.requiredArgs().stream().filter(a -> a instanceof OptionSpec)
                .map(a -> ((OptionSpec) a).longestName()).collect(Collectors.toSet()));
        assertThat(spec.options().stream().map(OptionSpec::longestName).toList()).containsAll(options(usage));
    }

    private static Set<String> options(String usage) {
        return Pattern.compile("--[a-z-]+").matcher(usage).results().map(MatchResult::group).collect(Collectors.toSet());
    }

    @Test
    void versionIsThePomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + "<version>".length(), pom.indexOf("</version>"));

        assertThat(run("--version")).isZero();
        assertThat(out().strip()).isEqualTo("contextual-targeting " + version);
    }

    @Test
    void withoutACommandItListsThemWithExitCode2() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("error: say which command to run").contains("run ", "segment ", "benchmark ");
        assertThat(out()).isEmpty();
    }

    @Test
    void aMistypedCommandIsNamedWithASuggestion() {
        assertThat(run("segmnt")).isEqualTo(2);
        assertThat(err()).startsWith("error: unknown command 'segmnt'; did you mean segment?");
    }

    @Test
    void aMistypedOptionGetsASuggestionAndTouchesNothing() throws Exception {
        Path work = workFolderWithAFile();

        assertThat(run("run", "--work", work.toString(), "--segment-file-from", "Id")).isEqualTo(2);

        assertThat(err()).startsWith("error: unknown option '--segment-file-from'; did you mean --segment-file-form?")
                .contains("usage: contextual-targeting-local.jar run ");
        assertThat(work.resolve("kept.txt")).exists();
    }

    @Test
    void aValueNotOfTheListNamesTheValidOnesAndTouchesNothing() throws Exception {
        Path work = workFolderWithAFile();

        assertThat(run("run", "--work", work.toString(), "--segment-file-form", "UserId")).isEqualTo(2);

        assertThat(err()).startsWith("error: Invalid value for option '--segment-file-form': expected one of User.UserId, Id"
                + " (case-sensitive) but was 'UserId'").doesNotContain("template");
        assertThat(work.resolve("kept.txt")).exists();
        assertThat(run("run", "--work", work.toString(), "--pinpoint-project-id", "mine")).isEqualTo(2);
        assertThat(err()).contains("expected none, create or a 32-character Pinpoint project id but was 'mine'");
        assertThat(work.resolve("kept.txt")).exists();
        assertThat(run("run", "--work", work.toString(), "--engine", "embedded")).isEqualTo(2);
        assertThat(err()).contains("expected one of Personalize, Embedded (case-sensitive) but was 'embedded'");
        assertThat(work.resolve("kept.txt")).exists();
    }

    @Test
    void aDataFolderWithoutATrainingConfigSaysWhatIsMissingAndTouchesNothing() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("pinpoint"));
        Files.createDirectories(data.resolve("personalize/train/shop"));
        Files.writeString(data.resolve("personalize/train/shop/interactions.csv"), "USER_ID,ITEM_ID,TIMESTAMP\n");
        Path work = workFolderWithAFile();

        assertThat(run("run", "--data", data.toString(), "--work", work.toString())).isEqualTo(1);

        assertThat(err()).startsWith("error: " + data.resolve("personalize/train") + ": no training config")
                .contains("Your own data", "README.md", "init --interactions F", "--out DIR", "generate --out DIR");
        assertThat(err().lines()).hasSize(1);
        assertThat(work.resolve("kept.txt")).exists();
    }

    @Test
    void aFolderWhereAFileIsExpectedIsOneLineNamingTheOptionAndThePath() {
        assertThat(run("segment", "--interactions", dir.toString(), "--queries", dir.toString(), "--num-results", "5",
                "--out", dir.resolve("out.json").toString())).isEqualTo(2);

        assertThat(err().lines().findFirst()).hasValue("error: Invalid value for option '--interactions': " + dir
                + " is a folder; give a file");
        assertThat(err()).doesNotContain("Exception");
    }

    @Test
    void aFolderWhereAnOutputFileIsExpectedIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("q.json"), "{\"itemId\": \"1\"}\n");

        assertThat(run("segment", "--interactions", file.toString(), "--queries", file.toString(), "--num-results", "5",
                "--out", dir.toString())).isEqualTo(2);

        assertThat(err()).startsWith("error: Invalid value for option '--out': " + dir + " is a folder; give the path of a"
                + " file to write");
    }

    @Test
    void aFileWhereAFolderIsToBeCreatedIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");

        assertThat(run("generate", "--out", file.resolve("data").toString())).isEqualTo(2);

        assertThat(err()).startsWith("error: Invalid value for option '--out': " + file.resolve("data") + " is inside "
                + file + ", which is a file, not a folder");
    }

    @Test
    void aFailureIsExitCode1() {
        assertThat(run("execution", "nope", "--work", dir.toString())).isEqualTo(1);
        assertThat(err()).startsWith("error: no execution 'nope'").contains("executions --work " + dir);
    }

    /** A work folder of an earlier run, holding a file a premature emptying would delete. */
    private Path workFolderWithAFile() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve(".contextual-targeting-work"), "work folder\n");
        Files.writeString(work.resolve("kept.txt"), "from the last run");
        return work;
    }
}
