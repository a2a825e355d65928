package io.leadhouse.cli;

import io.leadhouse.config.ConfigReference;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code leadhouse config-reference}: prints the documented config.yml, every setting at its default. */
@Command(
        name = "config-reference",
        description = "Prints config.yml with every setting, its default, its range and its environment variable.",
        mixinStandardHelpOptions = true,
        versionProvider = LeadhouseVersion.class,
        footerHeading = "%nExample:%n",
        footer = "  leadhouse config-reference > config.yml")
final class ConfigReferenceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(ConfigReference.render(LeadhouseCommand.SETTINGS));
        out.flush();
        return ExitCode.OK;
    }
}
