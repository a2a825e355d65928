package io.leadhouse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the {@code leadhouse} command in this JVM with a given environment and captured stdout and
 * stderr.
 *
 * @param exitCode what the command returned
 * @param out everything printed on stdout
 * @param err everything printed on stderr
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs the command; {@code serve} stops as soon as both servers are up. */
    static CliRun run(Map<String, String> environment, String... args) {
        return run(environment, () -> {}, args);
    }

    /** Runs the command; {@code serve} runs until {@code lifetime} returns. */
    static CliRun run(Map<String, String> environment, ServeLifetime lifetime, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = LeadhouseCommand.commandLine(environment, lifetime);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
