package urcheck.answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import urcheck.Checker;
import urcheck.batch.CaseLines;
import urcheck.bench.CaseGenerator;
import urcheck.casefile.CaseFile;
import urcheck.engine.KnowledgeVersion;

/**
 * A digest of every answer urcheck gives for the fixtures (the JSON of {@code check --json FILE} and the
 * full text report) and for {@value #GENERATED} generated cases (the batch line), one line each, with the
 * knowledge version masked (it is a hash of rules/, so it changes whenever rules/ does). The committed file
 * (src/test/resources/urcheck/answer-digests.txt) was made before the speed work of issue 14;
 * {@link AnswersUnchangedTest} holds every later build to it. A rule change that means to change answers
 * regenerates it (bin/regenerate-answer-digests), and the diff shows which answers changed.
 */
public final class AnswerDigests {

    static final int GENERATED = 3_000;
    static final long SEED = 14;
    static final List<String> FIXTURE_FOLDERS = List.of("fixtures/criteria", "fixtures/decisions", "fixtures/seeds");

    private AnswerDigests() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line : compute(Checker.load(null))) {
            out.append(line).append('\n');
        }
        System.out.print(out);
    }

    /** Lines "json PATH SHA", "text PATH SHA" per fixture, then "batch N SHA" per generated case. */
    static List<String> compute(Checker checker) throws Exception {
        KnowledgeVersion kv = checker.rules().knowledgeVersion();
        List<String> lines = new ArrayList<>();
        for (Path file : fixtures()) {
            CaseFile c = checker.read(file);
            CaseAnswer a = checker.answer(c, null);
            String name = file.toString().replace('\\', '/');
            lines.add("json " + name + " " + sha(mask(AnswerJson.pretty(a), kv)));
            lines.add("text " + name + " " + sha(mask(TextReport.render(a, c.source()), kv)));
        }
        // The batch lines as check --batch writes them: chunks of cases sharing their rule sessions.
        CaseGenerator generator = new CaseGenerator(SEED);
        List<String> cases = new ArrayList<>(GENERATED);
        for (int i = 1; i <= GENERATED; i++) {
            cases.add(generator.nextLine());
        }
        List<CaseLines.Result> answered = new ArrayList<>(GENERATED);
        CaseLines batch = new CaseLines(checker, null, "generated");
        for (int from = 0; from < GENERATED; from += 128) {
            answered.addAll(batch.checkChunk(from + 1, cases.subList(from, Math.min(GENERATED, from + 128))));
        }
        for (int i = 1; i <= GENERATED; i++) {
            CaseLines.Result r = answered.get(i - 1);
            if (r.kind() != CaseLines.Kind.CHECKED) {
                throw new IllegalStateException("generated case " + i + " was not checked: " + r.kind());
            }
            lines.add("batch " + i + " " + sha(mask(r.json(), kv)));
        }
        return lines;
    }

    /** Every fixture case file, sorted. */
    public static List<Path> fixtures() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : FIXTURE_FOLDERS) {
            try (Stream<Path> s = Files.walk(Path.of(folder))) {
                s.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    private static String mask(String answer, KnowledgeVersion kv) {
        return answer.replace(kv.id(), "KNOWLEDGE-ID").replace(kv.sha256(), "KNOWLEDGE-SHA256");
    }

    private static String sha(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
