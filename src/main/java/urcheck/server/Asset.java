package urcheck.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import urcheck.casefile.CaseFileReader;

/** A file the server sends as it is in the jar (the page, its script and style, the API and schema documents). */
record Asset(String path, String contentType, byte[] bytes) {

    static Asset load(String path, String resource, String contentType) {
        try (InputStream in = Asset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new Asset(path, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static Asset caseFileSchema(String path) {
        return new Asset(path, "application/schema+json",
                CaseFileReader.schemaText().getBytes(StandardCharsets.UTF_8));
    }
}
