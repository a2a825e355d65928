package io.leadhouse.cli;

/** The exit codes of every command, as documented in {@code leadhouse --help}. */
final class ExitCode {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** The command failed while running: storage, keys, a conflict, an unexpected error. */
    static final int FAILED = 1;
    /** The command line or the configuration is wrong; nothing was started. */
    static final int USAGE = 2;

    private ExitCode() {}
}
