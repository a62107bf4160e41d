package io.ocihelm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ocihelm} CLI (see DESIGN.md §3). */
@Command(
    name = "ocihelm",
    mixinStandardHelpOptions = true,
    subcommands = {PullCommand.class, ShowCommand.class})
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The CLI with helm's error convention: {@code Error: <message>} on stderr, exit code 1. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("Error: " + e.getMessage());
      cmd.getErr().flush();
      return 1;
    });
    return cli;
  }
}
