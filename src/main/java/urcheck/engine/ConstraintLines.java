package urcheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts each pattern of a rule's conditions on one line, for the build's staging copy of rules/ (never rules/
 * itself, which keeps the line breaks a clinician reads).
 *
 * <p>Why: Drools' alpha-network compiler (drools-alphanetwork-compiler 10.1.0) writes every alpha node's
 * {@code toString()}, which quotes the constraint as written, after a {@code //} comment in the Java it
 * generates ({@code DeclarationsHandler.getVariableDeclaration(AlphaNode)}). It means to strip line breaks
 * with {@code replace("\\n", "")}, but that removes the two characters backslash and n, not a line break, so a
 * constraint written over several lines ends the comment early and the rest of the constraint becomes Java
 * that does not compile ("illegal start of type"). Still so on incubator-kie-drools main; no issue for it was found
 * in that project's tracker (searched 2026-12-01), so this names the line itself. ConstraintLinesTest fails, saying
 * so, once a Drools release compiles a constraint over several lines: then this step can go.
 *
 * <p>What changes: inside the parentheses of a pattern between {@code when} and {@code then}, a line break
 * and the indentation after it become one space, and a {@code //} comment there becomes a block comment. The
 * line breaks taken out are put back at the end of the line where the pattern closes, so every rule keeps its
 * line numbers (a compile error still names the line in rules/). Strings, comments outside patterns and the
 * consequences are left as they are. Whitespace between tokens means nothing to DRL, so the rules are the same.
 *
 * <p>Run by the build with the JDK's source launcher before kie-maven-plugin compiles the staging copy
 * ({@code java ConstraintLines.java DIR}): it uses nothing but the JDK.
 */
public final class ConstraintLines {

    private ConstraintLines() {
    }

    /** Rewrites every .drl file under each directory given, in place. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java ConstraintLines.java DIR...");
            System.exit(2);
        }
        for (String dir : args) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
            }
            for (Path f : files) {
                String drl = Files.readString(f, StandardCharsets.UTF_8);
                String joined;
                try {
                    joined = join(drl);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
                }
                if (!joined.equals(drl)) {
                    Files.writeString(f, joined, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** Where the scan is in the DRL: only a rule's or query's conditions are rewritten. */
    private enum Part { OUTSIDE, RULE_HEADER, CONDITIONS, CONSEQUENCE }

    /** The same DRL with each pattern of every rule's conditions on one line, line numbers kept. */
    public static String join(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        StringBuilder pending = new StringBuilder(); // line breaks taken out of the pattern now open
        Part part = Part.OUTSIDE;
        int depth = 0;
        int line = 1;
        boolean lineStart = true; // only blanks so far on this line
        int i = 0;
        int n = drl.length();
        while (i < n) {
            char c = drl.charAt(i);
            boolean inPattern = part == Part.CONDITIONS && depth > 0;
            if (c == '"' || c == '\'') {
                int end = endOfString(drl, i, line);
                out.append(drl, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                int end = drl.indexOf('\n', i);
                end = end < 0 ? n : drl.charAt(end - 1) == '\r' ? end - 1 : end;
                String text = drl.substring(i + 2, end);
                if (inPattern) {
                    if (text.contains("*/")) {
                        throw new IllegalArgumentException("line " + line + ": a // comment inside a pattern holds */");
                    }
                    out.append("/*").append(text).append(" */");
                } else {
                    out.append(drl, i, end);
                }
                i = end;
            } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                int close = drl.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("line " + line + ": a /* comment is not closed");
                }
                for (String piece : drl.substring(i, close + 2).split("(?<=\n)", -1)) {
                    if (!piece.endsWith("\n")) {
                        out.append(piece);
                    } else if (inPattern) {
                        String brk = piece.endsWith("\r\n") ? "\r\n" : "\n";
                        out.append(piece, 0, piece.length() - brk.length()).append(' ');
                        pending.append(brk);
                        line++;
                    } else {
                        out.append(piece);
                        line++;
                    }
                }
                i = close + 2;
            } else if (c == '\r' || c == '\n') {
                String brk = c == '\r' && i + 1 < n && drl.charAt(i + 1) == '\n' ? "\r\n" : String.valueOf(c);
                i += brk.length();
                line++;
                lineStart = true;
                if (inPattern) {
                    trimTrailingBlanks(out);
                    out.append(' ');
                    pending.append(brk);
                    while (i < n && (drl.charAt(i) == ' ' || drl.charAt(i) == '\t')) {
                        i++;
                    }
                } else {
                    out.append(pending).append(brk);
                    pending.setLength(0);
                }
                continue;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(drl.charAt(end))) {
                    end++;
                }
                String word = drl.substring(i, end);
                part = next(part, word, lineStart, depth, line);
                if (part != Part.CONDITIONS) {
                    depth = 0;
                }
                out.append(word);
                i = end;
            } else {
                if (part == Part.CONDITIONS && (c == '(' || c == '[' || c == '{')) {
                    depth++;
                } else if (part == Part.CONDITIONS && (c == ')' || c == ']' || c == '}')) {
                    depth = Math.max(0, depth - 1);
                }
                out.append(c);
                i++;
            }
            lineStart = lineStart && (c == ' ' || c == '\t');
        }
        return out.append(pending).toString();
    }

    /**
     * The keywords that open and close a rule's parts. "rule", "query" and "end" count only at the start of a line
     * (as rules/ writes them), and "when" only after a rule's header, so a consequence's variable named
     * {@code when} or {@code end} changes nothing.
     */
    private static Part next(Part part, String word, boolean lineStart, int depth, int line) {
        return switch (part) {
            case OUTSIDE -> lineStart && word.equals("rule") ? Part.RULE_HEADER
                    : lineStart && word.equals("query") ? Part.CONDITIONS : part;
            case RULE_HEADER -> word.equals("when") ? Part.CONDITIONS : part;
            case CONDITIONS -> {
                if (depth > 0 && (word.equals("then") || lineStart && word.equals("end"))) {
                    throw new IllegalArgumentException("line " + line + ": \"" + word + "\" inside an open pattern");
                }
                yield word.equals("then") ? Part.CONSEQUENCE : lineStart && word.equals("end") ? Part.OUTSIDE : part;
            }
            case CONSEQUENCE -> lineStart && word.equals("end") ? Part.OUTSIDE : part;
        };
    }

    private static int endOfString(String drl, int start, int line) {
        char quote = drl.charAt(start);
        for (int i = start + 1; i < drl.length(); i++) {
            char c = drl.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                break;
            }
        }
        throw new IllegalArgumentException("line " + line + ": a string is not closed on its line");
    }

    private static void trimTrailingBlanks(StringBuilder out) {
        int len = out.length();
        while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) {
            len--;
        }
        out.setLength(len);
    }
}
