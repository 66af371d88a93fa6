package urcheck.casefile;

/** One thing wrong with a case file: where (a JSON path such as $.items[0].levels) and what was expected. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
