package dev.sailplan.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sailplan} command. Run {@code java -jar sailplan.jar --help}.
 *
 * <p>Exit status: 0 success, 1 invalid input, a file that cannot be read or written, or an input
 * too large for the memory Java was given (one line per problem on stderr), 2 wrong usage, 70 an
 * internal error (a bug).
 *
 * <p>Output is UTF-8 and input is read as UTF-8, whatever the platform charset, locale or time
 * zone: the same input gives the same bytes everywhere.
 */
@Command(
    name = "sailplan",
    mixinStandardHelpOptions = true,
    versionProvider = Sailplan.Version.class,
    description =
        "Typed Istio and Gateway API manifests: format, validate and plan them, and plan rollouts.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      " 0:success",
      " 1:invalid input, an unreadable or unwritable file, or not enough memory",
      " 2:wrong usage",
      "70:internal error, a bug (SAILPLAN_DEBUG=1 prints the stack trace)"
    })
public final class Sailplan implements Runnable {
  /**
   * The subcommands by name, in the order {@code --help} lists them. They are added in {@link
   * #run}, not in the annotation: picocli builds the model of every subcommand it is given, which
   * is a good part of the start-up of a one-file {@code validate}.
   */
  private static final Map<String, Class<?>> COMMANDS = commands();

  /** Exit status for input that is not a valid manifest. */
  static final int INVALID_INPUT = 1;

  /** Exit status for a bug (EX_SOFTWARE of sysexits.h). */
  static final int INTERNAL_ERROR = 70;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** What {@code -} reads. */
  final InputStream stdin;

  private Sailplan(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, utf8(System.out), utf8(System.err)));
  }

  /**
   * A writer that encodes as UTF-8: {@code System.out} encodes with the platform charset, which
   * prints {@code ?} for every non-ASCII character under {@code LC_ALL=C}.
   */
  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
  }

  /** Runs the command line with the given streams and returns the exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.in, out, err);
  }

  /** Runs the command line with the given streams and returns the exit status. */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Sailplan(in));
    addSubcommands(cli, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(Path.class, Sailplan::path);
    // @name is a file name like any other, not a file of arguments to read instead.
    cli.setExpandAtFiles(false);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          // One line, like every other user error; the full usage is one --help away.
          CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
          e.getCommandLine()
              .getErr()
              .println(
                  command.qualifiedName()
                      + ": "
                      + oneLine(e.getMessage())
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
    } catch (OutOfMemoryError e) {
      // Past the commands' own handling, which names the input: still one line, no stack trace.
      err.println(
          String.format(
              Locale.ROOT,
              "sailplan: out of memory (-Xmx%dm); give Java more memory"
                  + " (JAVA_TOOL_OPTIONS=-Xmx4g) or split the input",
              Runtime.getRuntime().maxMemory() / (1024 * 1024)));
      return INVALID_INPUT;
    } catch (StackOverflowError e) {
      err.println("sailplan: internal error: " + e);
      return INTERNAL_ERROR;
    } finally {
      // Output printed without a line end (the plan streams) sits in the writers until flushed,
      // and main exits right after.
      out.flush();
      err.flush();
    }
  }

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("fmt", FmtCommand.class);
    commands.put("import", ImportCommand.class);
    commands.put("plan", PlanCommand.class);
    commands.put("rollout", RolloutCommand.class);
    commands.put("validate", ValidateCommand.class);
    commands.put("help", CommandLine.HelpCommand.class);
    return commands;
  }

  /**
   * Adds the subcommand that {@code args} runs, or all of them when they name none ({@code --help},
   * {@code help fmt}, a mistyped name): each one is a model picocli builds by reflection.
   */
  private static void addSubcommands(CommandLine cli, String[] args) {
    Class<?> only = args.length == 0 || args[0].equals("help") ? null : COMMANDS.get(args[0]);
    if (only != null) {
      cli.addSubcommand(only);
      return;
    }
    COMMANDS.values().forEach(cli::addSubcommand);
  }

  /**
   * A path option's value; picocli's own conversion would print the JDK's exception class for a
   * name with a NUL in it.
   */
  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException(
          Inputs.display(value) + ": " + Inputs.invalidPath(e));
    }
  }

  /**
   * A message with its line ends and other control characters escaped: one line whatever it quotes.
   */
  private static String oneLine(String message) {
    return Inputs.escaped(message);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command (fmt, import, plan, rollout or validate)");
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
