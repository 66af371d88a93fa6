package urcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;
import urcheck.answer.AnswerJson;

/** The knowledge-base version: a content hash of rules/ that does not depend on where or how the files are read. */
class KnowledgeVersionTest {

    @Test
    void theBuiltInRulesHashLikeTheRulesFolder() {
        KnowledgeVersion builtIn = TestCheckers.builtIn().rules().knowledgeVersion();
        KnowledgeVersion folder = KnowledgeVersion.of(builtIn.version(), RuleFiles.fromDirectory(Path.of("rules")).files());
        assertEquals(folder, builtIn);
        assertTrue(builtIn.sha256().matches("[0-9a-f]{64}"), builtIn.sha256());
        assertEquals(builtIn.version() + "+" + builtIn.sha256().substring(0, 12), builtIn.id());
    }

    @Test
    void theOrderFilesAreReadInDoesNotMatterButEveryByteDoes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("b.drl", "rule b");
        a.put("a.json", "{}");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("a.json", "{}");
        b.put("b.drl", "rule b");
        assertEquals(KnowledgeVersion.of("1", a), KnowledgeVersion.of("1", b));
        b.put("b.drl", "rule c");
        assertNotEquals(KnowledgeVersion.of("1", a).sha256(), KnowledgeVersion.of("1", b).sha256());
        // a byte moved from one file's end to the next file's name is another knowledge base
        assertNotEquals(KnowledgeVersion.of("1", Map.of("a", "xy", "b", "")).sha256(),
                KnowledgeVersion.of("1", Map.of("a", "x", "yb", "")).sha256());
    }

    @Test
    void everyAnswerNamesTheKnowledgeBase() throws Exception {
        var checker = TestCheckers.builtIn();
        var answer = checker.answer(checker.read(Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json")), null);
        assertEquals(checker.rules().knowledgeVersion(), answer.knowledgeBase());
        assertTrue(AnswerJson.pretty(answer).contains("\"sha256\" : \"" + checker.rules().knowledgeVersion().sha256() + "\""));
    }
}
