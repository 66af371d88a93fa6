package urcheck.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which knowledge base an answer came from: urcheck's version and a SHA-256 of every file of rules/ (the DRL,
 * the catalogue, the guideline numbers, the CPT table). Months later, in a dispute, the hash says which rules
 * decided, even for a rules/ folder a rule author changed without changing the version.
 *
 * <p>The hash is over the files sorted by path (relative to rules/, with '/'), each as its path in UTF-8, a
 * zero byte, its length in bytes (8 bytes, big-endian) and its bytes: the same folder gives the same hash on
 * every machine, and no two different folders can be read as the same stream.
 *
 * @param version the urcheck version the rules were released with
 * @param sha256  64 lower-case hex digits
 * @param id      {@code version+first 12 hex digits}: short enough for a card or an assertion id
 */
@JsonPropertyOrder({"id", "version", "sha256"})
public record KnowledgeVersion(String id, String version, String sha256) {

    static KnowledgeVersion of(String version, Map<String, String> files) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
            sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
            sha.update(content);
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        return new KnowledgeVersion(version + "+" + hex.substring(0, 12), version, hex);
    }
}
