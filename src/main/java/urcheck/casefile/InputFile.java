package urcheck.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a named case file or FHIR Bundle, refusing what is no file of data: a folder, a device such as
 * /dev/zero (which used to end in an out-of-memory stack trace), a FIFO (which blocked for ever), and
 * anything larger than {@link #MAX_BYTES}.
 */
public final class InputFile {

    /** 16 MiB: a case file is kilobytes, a FHIR Bundle with a long record a few megabytes. */
    public static final int MAX_BYTES = 16 << 20;

    private InputFile() {
    }

    public static byte[] read(Path file) throws InvalidCaseFileException {
        String name = file.toString();
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(name);
            }
            if (Files.isDirectory(file)) {
                throw refused(name, "is a folder, not a case file: name the files in it (for example " + file.resolve("*.json") + ")");
            }
            if (!Files.isRegularFile(file)) {
                throw refused(name, "is not a regular file (a device, a pipe or a socket); expected a JSON file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw refused(name, "is larger than " + MAX_BYTES + " bytes, the limit for one case file or Bundle");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Read at most one byte past the limit: a file that grows while read cannot get past it.
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw refused(name, "is larger than " + MAX_BYTES + " bytes, the limit for one case file or Bundle");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw refused(name, "no such file");
        } catch (IOException e) {
            throw refused(name, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static InvalidCaseFileException refused(String name, String why) {
        return new InvalidCaseFileException(name, List.of(new Problem("$", why)));
    }
}
