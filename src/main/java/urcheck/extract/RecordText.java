package urcheck.extract;

/** The text of one record as read (a text file decoded, or a PDF's text layer), and the file it came from. */
public record RecordText(String file, String text) {
}
