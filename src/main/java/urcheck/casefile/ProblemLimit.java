package urcheck.casefile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * At most {@value #MAX} problems are reported for one case: a person reads the first ones and fixes the
 * file; a file with 70,000 unknown keys must not cost 70,000 lines of answer (nor time that grows with
 * their square, as the old list de-duplication did). The rest are counted in a last line, "and N more".
 */
public final class ProblemLimit {

    public static final int MAX = 100;

    private ProblemLimit() {
    }

    /** The problems without repeats, in order, capped at {@link #MAX} plus one line counting the rest. */
    public static List<Problem> capped(List<Problem> problems) {
        LinkedHashSet<Problem> unique = new LinkedHashSet<>(problems);
        if (unique.size() <= MAX) {
            return List.copyOf(unique);
        }
        List<Problem> out = new ArrayList<>(MAX + 1);
        for (Problem p : unique) {
            if (out.size() == MAX) {
                break;
            }
            out.add(p);
        }
        out.add(more(unique.size() - MAX));
        return List.copyOf(out);
    }

    /** The line that stands for problems not listed. */
    public static Problem more(int n) {
        return new Problem("$", "and " + n + " more problem" + (n == 1 ? "" : "s") + " not listed (at most " + MAX
                + " are reported; fix these and check again)");
    }
}
