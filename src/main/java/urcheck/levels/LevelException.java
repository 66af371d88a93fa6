package urcheck.levels;

/** Levels that name no facet joint or nerve; the message says what was expected. */
public class LevelException extends Exception {
    public LevelException(String message) {
        super(message);
    }
}
