package urcheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;

/**
 * Records the fixtures never show: lines of every note and seed shuffled into new records, cut mid-word,
 * doubled. Each must give a draft the case-file reader accepts, or say there is no request; nothing else.
 */
class ShuffledRecordsTest {

    @Test
    void anyMixOfRecordLinesGivesAValidDraftOrNoRequest() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("fixtures/notes")), Files.list(Path.of("fixtures/extraction/seeds")))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        Random random = new Random(10);
        NoteExtractor extractor = new NoteExtractor();
        int drafts = 0;
        for (int round = 0; round < 150; round++) {
            List<String> pick = new ArrayList<>();
            int n = 3 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                String l = lines.get(random.nextInt(lines.size()));
                if (random.nextInt(8) == 0 && l.length() > 4) {
                    l = l.substring(random.nextInt(l.length() / 2)); // cut mid-word
                }
                pick.add(l);
            }
            if (random.nextBoolean()) {
                Collections.shuffle(pick, random);
            }
            String text = String.join(random.nextInt(3) == 0 ? "\n\n" : "\n", pick);
            try {
                Extraction x = extractor.extract(List.of(new RecordText("mix-" + round, text)), "mix", "california",
                        TestCheckers.builtIn().reader());
                var copy = x.caseFile().deepCopy();
                TestCheckers.builtIn().reader().read("mix-" + round, copy);
                for (Evidence e : x.evidence()) {
                    String pointer = e.path().substring(1).replace(".", "/").replaceAll("\\[(\\d+)\\]", "/$1");
                    org.junit.jupiter.api.Assertions.assertFalse(x.caseFile().at(pointer).isMissingNode(),
                            "evidence for " + e.path() + " points at something in the draft");
                }
                assertEquals(x.caseFile().toString(), extractor.extract(List.of(new RecordText("mix-" + round, text)), "mix",
                        "california", TestCheckers.builtIn().reader()).caseFile().toString(), "deterministic");
                drafts++;
            } catch (NoRequestException e) {
                // fine: nothing asked for
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(drafts > 50, "most mixes hold a request: " + drafts);
    }
}
