package urcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drools.ancompiler.CompiledNetworkSources;
import org.drools.ancompiler.ObjectTypeNodeCompiler;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.memorycompiler.KieMemoryCompiler;

/**
 * Drools' alpha-network compiler (drools-alphanetwork-compiler): replaces each fact type's chain of interpreted
 * constraint tests with generated Java, so a fact inserted into a session reaches the rules it can match through
 * straight-line code. Answers are the same; only the route is faster.
 *
 * <p>Drools generates that Java from the built rule network (the node ids are in it), then it must be compiled:
 * about 4 s of CPU at start-up. The build does the compiling ({@link #main}, after kie-maven-plugin): it builds the
 * rule base as {@link ExecutableModel} does at run time, compiles the generated classes into the jar and lists
 * each with the SHA-256 of its source. At run time the source is generated again (Drools' LOAD mode does the same;
 * about 1 s of CPU) and a listed class is used only if its source is the one the build compiled, so a class can
 * never be wired to a network it was not made for; any other source is compiled in memory.
 *
 * <p>Needs every pattern of the rules written on one line: the build's staging copy of rules/ is
 * ({@link ConstraintLines}); a rules/ folder read at run time is not, so this is for the precompiled rules only.
 */
final class CompiledAlphaNetwork {

    /** What the build compiled: one line per class, its name and the SHA-256 of the source it was compiled from. */
    static final String LISTING = "urcheck/alpha-network.txt";

    private CompiledAlphaNetwork() {
    }

    /** How {@link #compileInto} got the classes. */
    enum Source { BUILT, COMPILED_NOW }

    /**
     * Replaces {@code base}'s alpha network by compiled Java, in place, before any session is made from it.
     * @return whether the build's classes were used or the generated Java had to be compiled now
     */
    /** @param built class name to source hash of the classes the build compiled (tests pass none) */
    static Source compileInto(KieBase base, String origin, Map<String, String> built) {
        try {
            InternalKnowledgeBase kb = (InternalKnowledgeBase) base;
            Map<String, CompiledNetworkSources> networks = ObjectTypeNodeCompiler.compiledNetworkSourceMap(kb.getRete());
            ClassLoader loader = CompiledAlphaNetwork.class.getClassLoader();
            Map<String, String> toCompile = new HashMap<>();
            Map<CompiledNetworkSources, Class<?>> classes = new HashMap<>();
            for (CompiledNetworkSources n : networks.values()) {
                Map<String, String> sources = sources(n);
                if (sources.size() == 1 && sha256(n.getSource()).equals(built.get(n.getName()))) {
                    classes.put(n, Class.forName(n.getName(), true, loader));
                } else {
                    toCompile.putAll(sources);
                }
            }
            if (!toCompile.isEmpty()) {
                Map<String, Class<?>> compiled = KieMemoryCompiler.compile(toCompile, kb.getRootClassLoader());
                for (CompiledNetworkSources n : networks.values()) {
                    classes.computeIfAbsent(n, k -> compiled.get(k.getName()));
                }
            }
            classes.forEach(CompiledNetworkSources::createInstanceAndSet);
            return toCompile.isEmpty() ? Source.BUILT : Source.COMPILED_NOW;
        } catch (RuntimeException | ReflectiveOperationException | LinkageError e) {
            throw new RuleBaseException(origin + ": the alpha network does not compile: " + e, e);
        }
    }

    /** The Java of one network: its class, and the helper classes Drools splits a very large one into. */
    private static Map<String, String> sources(CompiledNetworkSources n) {
        return n.getInitClasses() == null || n.getInitClasses().isEmpty() ? Map.of(n.getName(), n.getSource())
                : n.getAllGeneratedSources();
    }

    /** Class name to source hash, as the build listed them; empty when this build has none. */
    static Map<String, String> listing() {
        try (InputStream in = CompiledAlphaNetwork.class.getClassLoader().getResourceAsStream(LISTING)) {
            Map<String, String> out = new HashMap<>();
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String[] f = line.trim().split(" ");
                if (f.length == 2 && !line.startsWith("#")) {
                    out.put(f[0], f[1]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new RuleBaseException("cannot read " + LISTING + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 of a generated class's code, its comments left out: Drools comments each field with its node's
     * {@code toString()}, which names lambdas by identity hash code and so differs from one JVM to the next; the
     * code (node ids, types, constants) does not.
     */
    static String sha256(String javaSource) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(withoutComments(javaSource).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java source with its // and block comments taken out (string and char literals kept whole). */
    static String withoutComments(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int n = java.length();
        for (int i = 0; i < n; i++) {
            char c = java.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != c && java.charAt(j) != '\n') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(java, i, Math.min(j + 1, n));
                i = j;
            } else if (c == '/' && i + 1 < n && java.charAt(i + 1) == '/') {
                while (i + 1 < n && java.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && java.charAt(i + 1) == '*') {
                int close = java.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Build step (exec-maven-plugin, after kie-maven-plugin): compiles the alpha network of the precompiled rules in
     * {@code args[0]} (target/classes) into class files there, and writes the {@link #LISTING}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CompiledAlphaNetwork CLASSES_DIR");
            System.exit(2);
        }
        Path classesDir = Path.of(args[0]);
        InternalKnowledgeBase kb = (InternalKnowledgeBase) ExecutableModel.load("built-in rules");
        Map<String, CompiledNetworkSources> networks = ObjectTypeNodeCompiler.compiledNetworkSourceMap(kb.getRete());
        Map<String, String> sources = new TreeMap<>();
        Map<String, String> listed = new TreeMap<>();
        for (CompiledNetworkSources n : networks.values()) {
            Map<String, String> all = sources(n);
            sources.putAll(all);
            if (all.size() == 1) { // a network with helper classes is compiled at run time instead (none today)
                listed.put(n.getName(), sha256(n.getSource()));
            }
        }
        Map<String, byte[]> bytecode = KieMemoryCompiler.compileNoLoad(sources, kb.getRootClassLoader());
        Set<String> written = new HashSet<>();
        for (Map.Entry<String, byte[]> c : bytecode.entrySet()) {
            Path file = classesDir.resolve(c.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
            written.add(c.getKey());
        }
        StringBuilder text = new StringBuilder("# The rule base's alpha network as the build compiled it (engine.CompiledAlphaNetwork):\n"
                + "# class, SHA-256 of the Java source it was compiled from.\n");
        listed.forEach((name, hash) -> {
            if (!written.contains(name)) {
                throw new IllegalStateException("the compiler wrote no class " + name);
            }
            text.append(name).append(' ').append(hash).append('\n');
        });
        Path listing = classesDir.resolve(LISTING);
        Files.createDirectories(listing.getParent());
        Files.writeString(listing, text, StandardCharsets.UTF_8);
    }
}
