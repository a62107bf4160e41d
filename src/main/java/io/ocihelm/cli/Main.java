package io.ocihelm.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ocihelm} CLI (DESIGN.md §3). Plain picocli, no Quarkus: {@code
 * template}, {@code pull} and {@code show} must start as fast as {@code helm} does. {@code
 * operator} is served by the launcher, which starts the Quarkus application instead.
 */
@Command(
    name = "ocihelm",
    mixinStandardHelpOptions = true,
    version = "ocihelm 0.1.0",
    description = "Render and install Helm charts straight from OCI registries.",
    subcommands = {TemplateCommand.class, PullCommand.class, ShowCommand.class, VerifyCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    // Without Quarkus booted, the JBoss SLF4J provider on the class path cannot start and SLF4J
    // says so on stderr (e.g. when values.schema.json is validated), where helm prints nothing.
    // Library logging in the CLI stays silent unless a provider is chosen explicitly (SLF4J would
    // still announce an explicit choice at its INFO verbosity, hence WARN).
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    var out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    var err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the CLI in-process with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("operator")) {
      err.println("Error: the operator runs from the Quarkus application: use bin/ocihelm operator");
      return 1;
    }
    return commandLine(out, err).execute(args);
  }

  /** The CLI wired to System.out/err (callers may redirect it with setOut/setErr). */
  public static CommandLine commandLine() {
    return commandLine(System.out, System.err);
  }

  private static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main(), new StreamsFactory(out, err));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((ex, a) -> {
      // Helm compat: usage errors print "Error: <message>" and exit 1.
      ex.getCommandLine().getErr().println("Error: " + ex.getMessage());
      ex.getCommandLine().getErr().flush();
      return 1;
    });
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Helm compat: failures print "Error: <message>" on stderr and exit 1.
      cmd.getErr().println("Error: " + e.getMessage());
      cmd.getErr().flush();
      return 1;
    });
    return cli;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Gives subcommands the streams of this invocation (so tests can run the CLI in-process). */
  record StreamsFactory(PrintStream out, PrintStream err) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == TemplateCommand.class) {
        return cls.cast(new TemplateCommand(out, err));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
