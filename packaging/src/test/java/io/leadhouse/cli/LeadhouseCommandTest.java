package io.leadhouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadhouseCommandTest {
    private static final String VERSION = System.getProperty("leadhouse.version");

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "init", "config-reference"})
    void printsVersionOnEveryCommand(String command) {
        CliRun run = CliRun.run(Map.of(), args(command, "--version"));

        assertEquals(new CliRun(0, "leadhouse " + VERSION + "\n", ""), run);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "init", "config-reference"})
    void printsHelpWithExampleOnEveryCommand(String command) {
        CliRun run = CliRun.run(Map.of(), args(command, "--help"));

        assertEquals(0, run.exitCode(), run.err());
        String usage = ("Usage: leadhouse " + command).strip() + " ";
        assertEquals(usage, run.out().substring(0, usage.length()));
        assertTrue(run.out().contains("\nExample:\n  "), run.out());
    }

    @Test
    void documentsExitCodesInTopLevelHelp() {
        CliRun run = CliRun.run(Map.of(), "--help");

        String codes = run.out().substring(run.out().indexOf("Exit codes:"), run.out().indexOf("\nExample:"));
        assertEquals(List.of("Exit codes:", "0   done", "1   failed while running; the message says what to do",
                "2   wrong command line or configuration; nothing was started"),
                codes.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }

    @Test
    void refusesUnknownOptionWithOneLineAndUsageExitCode() {
        CliRun run = CliRun.run(Map.of(), "serve", "--prot", "8080");

        assertEquals(new CliRun(2, "", "leadhouse: Unknown options: '--prot', '8080'; see 'leadhouse serve --help'\n"),
                run);
    }

    @Test
    void refusesUnknownCommandWithOneLine() {
        CliRun run = CliRun.run(Map.of(), "backup-all");

        assertEquals(new CliRun(2, "",
                "leadhouse: Unmatched argument at index 0: 'backup-all'; see 'leadhouse --help'\n"), run);
    }

    private static String[] args(String command, String option) {
        return command.isEmpty() ? new String[] {option} : new String[] {command, option};
    }
}
