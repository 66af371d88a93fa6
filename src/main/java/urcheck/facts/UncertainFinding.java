package urcheck.facts;

/**
 * A fact the record raises without establishing it ("possible radiculopathy"). It decides like a fact
 * not documented, and the answer flags it for the reviewer. {@code field} is the case-file path.
 */
public record UncertainFinding(String what, String field, String note) implements Evidence {

    @Override
    public String describe() {
        return what + ": uncertain in the record" + (note == null ? "" : " (\"" + note + "\")");
    }
}
