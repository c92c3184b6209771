package io.contextualtargeting.local.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entry point of {@code contextual-targeting-local.jar}: the pipeline and its engine on this machine. */
public final class Main {

    private Main() {
    }

    /** The commands, in the order the usage text lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("run", new RunCommand());
        commands.put("segment", new SegmentCommand());
        commands.put("evaluate", new EvaluateCommand());
        commands.put("generate", new GenerateCommand(System::nanoTime));
        commands.put("executions", new ExecutionsCommand(java.time.Clock.systemUTC()));
        commands.put("execution", new ExecutionCommand(java.time.Clock.systemUTC()));
        commands.put("benchmark", new BenchmarkCommand());
        return commands;
    }

    /** Switches (options without a value) of all commands. */
    static final Set<String> SWITCHES = Set.of("json", "no-limits", "help", "verbose", "matrix");

    public static void main(String[] args) {
        // the CLI prints its own progress; libraries that log through SLF4J (the AWS SDK's parts)
        // find no provider in the jar, and SLF4J would say so on every run
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.isEmpty() || !commands.containsKey(args.get(0))) {
            printUsage(commands, args.isEmpty() ? null : args.get(0), err);
            return 2;
        }
        Command command = commands.get(args.get(0));
        try {
            CliArgs parsed = CliArgs.parse(args.subList(1, args.size()), SWITCHES);
            return command.run(parsed, out, err);
        } catch (CliArgs.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: " + command.usage());
            return 2;
        } catch (io.contextualtargeting.formats.InputException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private static void printUsage(Map<String, Command> commands, String unknown, PrintStream err) {
        if (unknown != null) {
            err.println("error: unknown command '" + unknown + "'");
        }
        err.println("usage: java -jar contextual-targeting-local.jar <command> [options]");
        commands.values().forEach(c -> err.println("  " + c.usage()));
    }
}
