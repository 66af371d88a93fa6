package urcheck.facts;

/**
 * A fact the record raises without establishing it ("possible radiculopathy"). It decides like a fact
 * not documented, and the answer flags it for the reviewer. {@code field} is the case-file path.
 */
public record UncertainFinding(String what, String field, String note,
                               int caseKey) implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public UncertainFinding(String what, String field, String note) {
        this(what, field, note, 0);
    }

    /** The same fact for the case with {@code key}. */
    public UncertainFinding withCaseKey(int key) {
        return key == caseKey ? this : new UncertainFinding(what, field, note, key);
    }

    @Override
    public String describe() {
        return what + ": uncertain in the record" + (note == null ? "" : " (\"" + note + "\")");
    }
}
