package urcheck.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that loads the knowledge base shares. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Load the DRL rules, catalogue and guideline numbers from this rules/ folder instead of "
                    + "the built-in ones (for rule authors).")
    Path rulesDir;
}
