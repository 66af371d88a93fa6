package urcheck.extract;

/**
 * A record that cannot be read as text: the message names the file and says why in plain words, and
 * never quotes the record (it is patient data).
 */
public final class UnreadableRecordException extends Exception {

    private final String file;

    public UnreadableRecordException(String file, String why) {
        super(file + ": " + why);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
