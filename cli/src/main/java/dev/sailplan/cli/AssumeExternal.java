package dev.sailplan.cli;

import dev.sailplan.core.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --assume-external GLOB}, the same for {@code validate}, {@code plan} and {@code rollout}:
 * what lives outside the input (a GitOps repository often holds only part of the mesh), so that a
 * reference to it is not an error that stops the command.
 */
final class AssumeExternal {
  @Option(
      names = "--assume-external",
      paramLabel = "GLOB",
      description =
          "What lives outside the input, so that references to it are not reported as missing:"
              + " hosts ('*.svc.cluster.local') or objects ('Service payments/*'). Repeatable.")
  List<String> globs = new ArrayList<>();

  /**
   * The globs given, checked.
   *
   * @throws CommandLine.ParameterException for a blank glob (a usage error)
   */
  List<String> checked(CommandLine cli) {
    for (String glob : globs) {
      if (glob.isBlank()) {
        throw new CommandLine.ParameterException(cli, "--assume-external '' matches nothing");
      }
    }
    return globs;
  }

  /**
   * The validation a plan's states must pass: the standard one, assuming the globs.
   *
   * @throws CommandLine.ParameterException for a blank glob (a usage error)
   */
  Validation validation(CommandLine cli) {
    List<String> given = checked(cli);
    return given.isEmpty()
        ? Validation.standard()
        : Validation.builder().discover().assumeExternal(given).build();
  }
}
