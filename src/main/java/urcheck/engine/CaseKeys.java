package urcheck.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Binds every rule to one case, so a session can hold many cases (a batch checks a chunk of cases in one
 * session: the session's fixed costs, firing the rule groups and resetting every node memory, are paid once per
 * chunk instead of once per case). rules/ never mentions the key: this rewrites the build's staging copy (and a
 * rules/ folder compiled at load time), so a clinician reads the rules as the guideline states them.
 *
 * <p>What changes, each on the line it was on (line numbers kept):
 * <ul>
 *   <li>the first positive pattern of a rule's conditions binds its fact's key: {@code RequestedService( $id : id )}
 *       becomes {@code RequestedService( $caseKey : caseKey, $id : id )};</li>
 *   <li>every other pattern on a fact, inside {@code not}, {@code exists}, {@code or}, {@code accumulate},
 *       {@code collect} and {@code forall} too, requires that key: {@code caseKey == $caseKey};</li>
 *   <li>a pattern over what a {@code from} expression gives (a guideline number, a collected list) is left as it
 *       is: it is not a fact in working memory;</li>
 *   <li>each declared type gets a last field {@code caseKey : int}, and each object a consequence makes
 *       ({@code new X(...)}) gets the rule's key as its last argument, so what a rule infers stays in its case;</li>
 * </ul>
 * A rule whose first pattern on a fact is negative ({@code not}, {@code exists}, inside {@code or}) or that matches
 * no fact at all is refused: it could not say which case it is about. Every fact class has a {@code caseKey}
 * ({@link urcheck.facts.CaseFact}); a pattern on a class without one does not compile. CaseKeysTest checks the
 * built rules: no rule can join facts of two cases.
 *
 * <p>Run by the build with the JDK's source launcher on the staging copy ({@code java CaseKeys.java DIR}), after
 * {@link ConstraintLines}: it uses nothing but the JDK.
 */
public final class CaseKeys {

    /** The field every fact carries and the variable each rule binds it to. */
    public static final String FIELD = "caseKey";
    public static final String VARIABLE = "$caseKey";

    private static final Set<String> NEGATIONS = Set.of("not", "exists", "forall");

    private CaseKeys() {
    }

    /** Rewrites every .drl file under each directory given, in place. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java CaseKeys.java DIR...");
            System.exit(2);
        }
        for (String dir : args) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
            }
            for (Path f : files) {
                String drl = Files.readString(f, StandardCharsets.UTF_8);
                String keyed;
                try {
                    keyed = rewrite(drl);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
                }
                Files.writeString(f, keyed, StandardCharsets.UTF_8);
            }
        }
    }

    /** The same DRL with every rule bound to one case (see the class comment). */
    public static String rewrite(String drl) {
        return new Rewrite(drl, Token.scan(drl)).run();
    }

    // ---------------------------------------------------------------------------------------------
    // Tokens
    // ---------------------------------------------------------------------------------------------

    private enum Kind { WORD, STRING, COMMENT, BLANK, NEWLINE, PUNCT }

    private record Token(Kind kind, int start, int end, String text, int line, boolean lineStart) {

        boolean is(String s) {
            return text.equals(s);
        }

        boolean significant() {
            return kind != Kind.BLANK && kind != Kind.NEWLINE && kind != Kind.COMMENT;
        }

        static List<Token> scan(String drl) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            int n = drl.length();
            int line = 1;
            boolean lineStart = true;
            while (i < n) {
                char c = drl.charAt(i);
                int end;
                Kind kind;
                if (c == '"' || c == '\'') {
                    end = endOfString(drl, i, line);
                    kind = Kind.STRING;
                } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                    end = drl.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    kind = Kind.COMMENT;
                } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                    int close = drl.indexOf("*/", i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("line " + line + ": a /* comment is not closed");
                    }
                    end = close + 2;
                    kind = Kind.COMMENT;
                } else if (c == '\n') {
                    end = i + 1;
                    kind = Kind.NEWLINE;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    end = i + 1;
                    while (end < n && (drl.charAt(end) == ' ' || drl.charAt(end) == '\t' || drl.charAt(end) == '\r')) {
                        end++;
                    }
                    kind = Kind.BLANK;
                } else if (Character.isJavaIdentifierStart(c)) {
                    end = i + 1;
                    while (end < n && Character.isJavaIdentifierPart(drl.charAt(end))) {
                        end++;
                    }
                    kind = Kind.WORD;
                } else {
                    end = i + 1;
                    kind = Kind.PUNCT;
                }
                String text = drl.substring(i, end);
                tokens.add(new Token(kind, i, end, text, line, lineStart));
                for (int k = i; k < end; k++) {
                    if (drl.charAt(k) == '\n') {
                        line++;
                    }
                }
                lineStart = kind == Kind.NEWLINE || (lineStart && kind == Kind.BLANK);
                i = end;
            }
            return tokens;
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
    }

    // ---------------------------------------------------------------------------------------------
    // The rewrite
    // ---------------------------------------------------------------------------------------------

    /** A pattern of a rule's conditions: its type, where its parentheses are, and whether it can bind the key. */
    private record Pattern(String type, int open, int close, boolean empty, boolean positiveTopLevel, int line) {
    }

    private static final class Rewrite {
        private final String drl;
        private final List<Token> t;
        /** Text to insert, by offset into {@code drl}. */
        private final TreeMap<Integer, String> inserts = new TreeMap<>();

        Rewrite(String drl, List<Token> tokens) {
            this.drl = drl;
            this.t = tokens;
        }

        String run() {
            int i = 0;
            while (i < t.size()) {
                Token k = t.get(i);
                if (k.kind() == Kind.WORD && k.lineStart() && k.is("rule")) {
                    i = rule(i);
                } else if (k.kind() == Kind.WORD && k.lineStart() && k.is("declare")) {
                    i = declare(i);
                } else if (k.kind() == Kind.WORD && k.lineStart() && k.is("query")) {
                    throw new IllegalArgumentException("line " + k.line() + ": a query cannot be bound to one case;"
                            + " the rules have none");
                } else {
                    i++;
                }
            }
            StringBuilder out = new StringBuilder(drl.length() + inserts.size() * 24);
            int at = 0;
            for (var e : inserts.entrySet()) {
                out.append(drl, at, e.getKey()).append(e.getValue());
                at = e.getKey();
            }
            return out.append(drl, at, drl.length()).toString();
        }

        /** A declared type: its last field becomes the case key, written on the line of its {@code end}. */
        private int declare(int i) {
            int name = nextSignificant(i + 1);
            for (int j = name + 1; j < t.size(); j++) {
                Token k = t.get(j);
                if (k.kind() == Kind.WORD && k.lineStart() && k.is("end")) {
                    inserts.put(k.start(), FIELD + " : int ");
                    return j + 1;
                }
                if (k.kind() == Kind.WORD && (k.is(FIELD) || k.is(VARIABLE))) {
                    throw new IllegalArgumentException("line " + k.line() + ": declare " + t.get(name).text()
                            + " names " + k.text() + ", which the build adds itself");
                }
            }
            throw new IllegalArgumentException("line " + t.get(i).line() + ": declare without end");
        }

        private int rule(int i) {
            int nameAt = nextSignificant(i + 1);
            String name = t.get(nameAt).text();
            int when = nameAt + 1;
            while (when < t.size() && !(t.get(when).kind() == Kind.WORD && t.get(when).is("when"))) {
                when++;
            }
            if (when == t.size()) {
                throw new IllegalArgumentException("rule " + name + ": no when");
            }
            List<Pattern> patterns = new ArrayList<>();
            int j = conditions(when + 1, name, patterns);
            bind(name, patterns);
            return consequence(j + 1, name);
        }

        /** Collects the patterns up to {@code then}; returns the index of {@code then}. */
        private int conditions(int i, String rule, List<Pattern> patterns) {
            int depth = 0;
            while (i < t.size()) {
                Token k = t.get(i);
                refuseOwnName(k, rule);
                if (k.kind() == Kind.WORD && k.is("then") && depth == 0) {
                    return i;
                }
                if (k.kind() == Kind.WORD && k.lineStart() && k.is("end")) {
                    throw new IllegalArgumentException("rule " + rule + " (line " + k.line() + "): end before then");
                }
                if (k.kind() == Kind.WORD && isPatternStart(i)) {
                    int open = nextSignificant(i + 1);
                    int close = matching(open, rule);
                    int after = nextSignificant(close + 1);
                    boolean sourced = after < t.size() && t.get(after).is("from");
                    if (!sourced) {
                        int before = previousSignificant(i);
                        // "$x : Type(": look past the binding.
                        if (before >= 0 && t.get(before).is(":")) {
                            before = previousSignificant(previousSignificant(before));
                        }
                        boolean negated = before >= 0 && NEGATIONS.contains(t.get(before).text());
                        body(open, close, rule);
                        patterns.add(new Pattern(k.text(), open, close, nextSignificant(open + 1) == close,
                                depth == 0 && !negated, k.line()));
                    }
                    i = close + 1;
                    continue;
                }
                if (k.kind() == Kind.WORD && k.is("eval")) {
                    int open = nextSignificant(i + 1);
                    i = matching(open, rule) + 1;
                    continue;
                }
                if (k.kind() == Kind.WORD && k.is("from")) {
                    int source = nextSignificant(i + 1);
                    if (!t.get(source).is("collect") && !t.get(source).is("accumulate")) {
                        i = endOfExpression(source, rule);
                        continue;
                    }
                }
                if (k.is("(")) {
                    depth++;
                } else if (k.is(")")) {
                    depth--;
                }
                i++;
            }
            throw new IllegalArgumentException("rule " + rule + ": no then");
        }

        /** The first pattern on a fact binds the key, every other one requires it. */
        private void bind(String rule, List<Pattern> patterns) {
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("rule " + rule + " matches no fact of a case, so it could not"
                        + " say which case it is about");
            }
            Pattern first = patterns.get(0);
            if (!first.positiveTopLevel()) {
                throw new IllegalArgumentException("rule " + rule + " (line " + first.line() + "): its first pattern on"
                        + " a fact, " + first.type() + ", is negated or inside or/accumulate/collect; start the rule"
                        + " with a positive pattern (the build binds the case there)");
            }
            for (Pattern p : patterns) {
                String constraint = p == first ? VARIABLE + " : " + FIELD : FIELD + " == " + VARIABLE;
                inserts.put(t.get(p.open()).end(), " " + constraint + (p.empty() ? " " : ","));
            }
        }

        /** Each {@code new X(...)} of the consequence gets the rule's case key as its last argument. */
        private int consequence(int i, String rule) {
            while (i < t.size()) {
                Token k = t.get(i);
                if (k.kind() == Kind.WORD && k.lineStart() && k.is("end")) {
                    return i + 1;
                }
                if (k.kind() == Kind.WORD && k.is("new")) {
                    int type = nextSignificant(i + 1);
                    int open = nextSignificant(type + 1);
                    if (t.get(type).kind() == Kind.WORD && Character.isUpperCase(t.get(type).text().charAt(0))
                            && open < t.size() && t.get(open).is("(")) {
                        int close = matching(open, rule);
                        boolean empty = nextSignificant(open + 1) == close;
                        inserts.put(t.get(close).start(), (empty ? "" : ", ") + VARIABLE);
                    }
                }
                i++;
            }
            throw new IllegalArgumentException("rule " + rule + ": no end");
        }

        /** The key's names are the build's: a rule that wrote them could join cases or clash with the binding. */
        private static void refuseOwnName(Token k, String rule) {
            if (k.kind() == Kind.WORD && (k.is(VARIABLE) || k.is(FIELD))) {
                throw new IllegalArgumentException("rule " + rule + " (line " + k.line() + "): " + k.text()
                        + " is the build's own name for a fact's case; rules never write it");
            }
        }

        /** An upper-case name followed by "(", not a method call ("Levels.of(") nor a constructor ("new X("). */
        private boolean isPatternStart(int i) {
            Token k = t.get(i);
            if (!Character.isUpperCase(k.text().charAt(0))) {
                return false;
            }
            int next = nextSignificant(i + 1);
            if (next >= t.size() || !t.get(next).is("(")) {
                return false;
            }
            int before = previousSignificant(i);
            return before < 0 || !(t.get(before).is(".") || t.get(before).is("new"));
        }

        /**
         * Refuses positional constraints ({@code X( a, b; c )}: they would shift with the key put first) and the
         * build's own names written by hand.
         */
        private void body(int open, int close, String rule) {
            int depth = 0;
            for (int j = open + 1; j < close; j++) {
                Token k = t.get(j);
                refuseOwnName(k, rule);
                if (k.is("(") || k.is("[") || k.is("{")) {
                    depth++;
                } else if (k.is(")") || k.is("]") || k.is("}")) {
                    depth--;
                } else if (depth == 0 && k.is(";")) {
                    throw new IllegalArgumentException("rule " + rule + " (line " + k.line() + "): positional"
                            + " constraints are not supported; name the fields");
                }
            }
        }

        /** After {@code from}: the expression runs to the end of its line, or to a {@code ;}, outside parentheses. */
        private int endOfExpression(int i, String rule) {
            int depth = 0;
            while (i < t.size()) {
                Token k = t.get(i);
                if (depth == 0 && (k.kind() == Kind.NEWLINE || k.is(";"))) {
                    return i;
                }
                if (k.is("(")) {
                    depth++;
                } else if (k.is(")")) {
                    if (depth == 0) {
                        return i; // closes an enclosing element: not ours
                    }
                    depth--;
                }
                i++;
            }
            throw new IllegalArgumentException("rule " + rule + ": a from expression runs to the end of the file");
        }

        private int matching(int open, String rule) {
            int depth = 0;
            for (int j = open; j < t.size(); j++) {
                if (t.get(j).is("(")) {
                    depth++;
                } else if (t.get(j).is(")") && --depth == 0) {
                    return j;
                }
            }
            throw new IllegalArgumentException("rule " + rule + " (line " + t.get(open).line() + "): a parenthesis"
                    + " is not closed");
        }

        private int nextSignificant(int i) {
            while (i < t.size() && !t.get(i).significant()) {
                i++;
            }
            return i;
        }

        private int previousSignificant(int i) {
            i--;
            while (i >= 0 && !t.get(i).significant()) {
                i--;
            }
            return i;
        }
    }
}
