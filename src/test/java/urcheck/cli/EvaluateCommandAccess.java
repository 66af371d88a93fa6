package urcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import urcheck.Checker;
import urcheck.evaluation.Agreement;

/** Lets tests in other packages run exactly what `urcheck evaluate` runs. */
public final class EvaluateCommandAccess {

    private EvaluateCommandAccess() {
    }

    public static Agreement evaluate(Checker checker, List<Path> paths, PrintWriter err) throws IOException {
        return EvaluateCommand.evaluate(checker, null, paths, err);
    }
}
