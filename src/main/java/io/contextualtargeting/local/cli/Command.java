package io.contextualtargeting.local.cli;

import java.io.PrintStream;

/** One sub-command of the local CLI. */
public interface Command {

    /** Runs with the arguments after the command name; returns the process exit code. */
    int run(CliArgs args, PrintStream out, PrintStream err) throws Exception;

    /** One line for the usage text. */
    String usage();
}
