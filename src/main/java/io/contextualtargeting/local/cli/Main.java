package io.contextualtargeting.local.cli;

import io.contextualtargeting.formats.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** Entry point of {@code contextual-targeting-local.jar}: the pipeline and its engine on this machine. */
@Command(name = Main.NAME, scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, showDefaultValues = true,
        sortOptions = false, usageHelpWidth = 100, versionProvider = Main.Version.class,
        description = "The contextual-targeting pipeline and its segmentation engine on this machine, without AWS.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:input or run failed: bad data (the message names file, line and field), a failed execution or query",
            "2:usage error: unknown command or option, missing or malformed value, a path that does not exist or is"
                    + " a folder where a file is expected"})
public final class Main implements Runnable {
    static final String NAME = "contextual-targeting-local.jar";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    private Main() {
    }

    public static void main(String[] args) {
        // the CLI prints its own progress; libraries that log through SLF4J (the AWS SDK's parts)
        // find no provider in the jar, and SLF4J would say so on every run
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 success, 1 input or run failed, 2 usage error). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return commandLine(new Streams(out, err), Clock.systemUTC(), System::nanoTime).execute(args.toArray(String[]::new));
    }

    /** The commands, in the order the usage text lists them, writing to {@code streams}. */
    static CommandLine commandLine(Streams streams, Clock clock, LongSupplier nanoClock) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand(new RunCommand(streams));
        commandLine.addSubcommand(new SegmentCommand(streams));
        commandLine.addSubcommand(new EvaluateCommand(streams));
        commandLine.addSubcommand(new InitCommand(streams, clock));
        commandLine.addSubcommand(new GenerateCommand(streams, nanoClock));
        commandLine.addSubcommand(new ExecutionsCommand(streams, clock));
        commandLine.addSubcommand(new ExecutionCommand(streams, clock));
        BenchmarkCommand.addTo(commandLine, streams);
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.setOut(new PrintWriter(streams.out(), true));
        commandLine.setErr(new PrintWriter(streams.err(), true));
        commandLine.setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), message(e), suggestions(e),
                streams.err()));
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> failure(e, failed, streams.err()));
        return commandLine;
    }

    /** Without a command: the list of commands, as a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say which command to run");
    }

    private static int failure(Exception e, CommandLine failed, PrintStream err) {
        if (e instanceof UsageException) {
            return usageError(failed, e.getMessage(), "", err);
        }
        // bad input names its file, line and field; anything else is printed whole, without a stack trace
        err.println("error: " + describe(e));
        return FAILED;
    }

    /** One line: the message of bad input, a file system problem with its path, or the exception. */
    private static String describe(Throwable e) {
        if (e instanceof InputException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return e.getMessage() + ": " + describe(e.getCause());
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason;
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.toString();
    }

    private static int usageError(CommandLine command, String message, String suggestions, PrintStream err) {
        err.println("error: " + message + suggestions);
        err.print("usage: " + command.getHelp().synopsis("usage: ".length()));
        err.print(command.getHelp().commandList());
        err.println(command.getParent() == null ? "(" + NAME + " help <command>: its options)"
                : "(" + command.getCommandSpec().qualifiedName() + " --help: every option)");
        return USAGE;
    }

    /** Picocli's message, but a mistyped command or option named as such. */
    private static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (unmatched.isUnknownOption()) {
                return "unknown option '" + first + "'";
            }
            if (!e.getCommandLine().getSubcommands().isEmpty()) {
                return "unknown command '" + first + "'";
            }
        }
        return e.getMessage();
    }

    /** {@code "; did you mean --segment-file-form?"} for a mistyped command or option. */
    private static String suggestions(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getSuggestions().isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }

    /** {@code --version}: the project version the jar was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"contextual-targeting " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
