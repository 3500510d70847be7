package dev.sailplan.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sailplan} command. Run {@code java -jar sailplan.jar --help}.
 *
 * <p>Exit status: 0 success, 1 invalid input or a file that cannot be read or written (one line per
 * problem on stderr), 2 wrong usage, 70 an internal error (a bug).
 */
@Command(
    name = "sailplan",
    mixinStandardHelpOptions = true,
    versionProvider = Sailplan.Version.class,
    description = "Typed Istio and Gateway API manifests: format, check and plan them.",
    subcommands = {FmtCommand.class, PlanCommand.class, CommandLine.HelpCommand.class})
public final class Sailplan implements Runnable {
  /** Exit status for input that is not a valid manifest. */
  static final int INVALID_INPUT = 1;

  /** Exit status for a bug (EX_SOFTWARE of sysexits.h). */
  static final int INTERNAL_ERROR = 70;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Sailplan());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          // One line, like every other user error; the full usage is one --help away.
          CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
          e.getCommandLine()
              .getErr()
              .println(
                  command.qualifiedName()
                      + ": "
                      + e.getMessage()
                      + " (see "
                      + command.qualifiedName()
                      + " --help)");
          return command.exitCodeOnInvalidInput();
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // A bug, not a user error: say so in one line; the stack trace is for SAILPLAN_DEBUG.
          commandLine.getErr().println("sailplan: internal error: " + e);
          if (System.getenv("SAILPLAN_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          return INTERNAL_ERROR;
        });
    try {
      return cli.execute(args);
    } finally {
      // Output printed without a line end (the plan streams) sits in the writers until flushed,
      // and main exits right after.
      out.flush();
      err.flush();
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (fmt or plan)");
  }

  /**
   * The version from the jar manifest's {@code Implementation-Version}, which the build sets;
   * "development" when run from classes, which have no manifest.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Sailplan.class.getPackage().getImplementationVersion();
      return new String[] {"sailplan " + (v == null ? "development" : v)};
    }
  }
}
