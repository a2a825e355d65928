package io.leadhouse.cli;

import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.LeadhouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr, {@code leadhouse: <what failed and what to do>}, and
 * an exit code: 2 for a wrong command line or configuration, 1 for a failure at run time. Stack
 * traces go to the log only, never to stderr.
 */
final class OneLineErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OneLineErrors.class);

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        // Picocli starts some messages with "Error: "; the "leadhouse:" prefix already says that.
        String message = oneLine(error.getMessage()).replaceFirst("^Error: ", "");
        command.getErr().println("leadhouse: " + message + "; see '"
                + command.getCommandSpec().qualifiedName() + " --help'");
        command.getErr().flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        if (error instanceof LeadhouseException known) {
            LOG.debug("{} stopped: {}", command.getCommandName(), known.getMessage(), known);
            command.getErr().println("leadhouse: " + oneLine(known.getMessage()));
            command.getErr().flush();
            // InvalidConfigException is an InvalidInputException: the operator's input is wrong, not the program.
            return known instanceof InvalidInputException ? ExitCode.USAGE : ExitCode.FAILED;
        }
        LOG.error("{} failed unexpectedly", command.getCommandName(), error);
        command.getErr().println("leadhouse: unexpected " + error.getClass().getSimpleName() + " in '"
                + command.getCommandSpec().qualifiedName() + "'; the log on standard output has the details");
        command.getErr().flush();
        return ExitCode.FAILED;
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed without a message; the log has the details";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
