package urcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of the knowledge base, by path relative to rules/: read from the jar (where the build
 * copies rules/ to urcheck-rules/) or, for rule authors, straight from a rules/ folder.
 */
public record RuleFiles(String origin, Map<String, String> files) {

    static final String CLASSPATH_ROOT = "urcheck-rules/";
    private static final String ANCHOR = CLASSPATH_ROOT + "guideline-numbers.json";

    public static RuleFiles fromClasspath() {
        URL anchor = RuleFiles.class.getClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            throw new RuleBaseException("the built-in rules are missing: no " + ANCHOR + " on the class path");
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                JarURLConnection c = (JarURLConnection) anchor.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    Map<String, String> files = new TreeMap<>();
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (!e.isDirectory() && e.getName().startsWith(CLASSPATH_ROOT)) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName().substring(CLASSPATH_ROOT.length()),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                    return new RuleFiles("built-in rules", files);
                }
            }
            Path dir = Path.of(anchor.toURI()).getParent();
            return new RuleFiles("built-in rules", read(dir));
        } catch (IOException | URISyntaxException e) {
            throw new RuleBaseException("cannot read the built-in rules: " + e.getMessage(), e);
        }
    }

    public static RuleFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException("rules folder " + dir + " does not exist or is not a folder");
        }
        try {
            return new RuleFiles(dir.toString(), read(dir));
        } catch (IOException e) {
            throw new RuleBaseException("cannot read rules folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        // Follow links: a symlinked rules folder once gave an empty rule base (design-notes §3).
        try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }
}
