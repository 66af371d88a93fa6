package urcheck.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the rules fails loudly: on a compile error, an empty rule base, an unknown criterion. */
class RuleBaseLoadingTest {

    @TempDir
    Path dir;

    private Path copyOfRules() throws IOException {
        Path src = Path.of("rules");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir;
    }

    @Test
    void theRulesFolderLoadsAsIs() throws IOException {
        RuleBase rules = RuleBase.load(RuleFiles.fromDirectory(copyOfRules()));
        assertTrue(rules.ruleCount() > 50, "rules: " + rules.ruleCount());
    }

    @Test
    void aCompileErrorFailsWithFileAndLine() throws IOException {
        Path rules = copyOfRules();
        Path drl = rules.resolve("determination.drl");
        Files.writeString(drl, Files.readString(drl).replace("exists CriterionResult( itemId == $id )",
                "exists CriterionResult( itemIdd == $id )"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(RuleFiles.fromDirectory(rules)));
        assertTrue(e.getMessage().contains("do not compile") && e.getMessage().contains("determination.drl"), e.getMessage());
    }

    @Test
    void noRulesAtAllFails() throws IOException {
        Path rules = copyOfRules();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl"))::iterator) {
                Files.delete(p);
            }
        }
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(RuleFiles.fromDirectory(rules)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aRuleNamingAnUncataloguedCriterionFails() throws IOException {
        Path rules = copyOfRules();
        Path drl = rules.resolve("mtus-chronic-pain-massage-therapy.drl");
        Files.writeString(drl, Files.readString(drl).replaceFirst("@criterion\\(\"MTUS-CPMTG-60-VISITS\"\\)",
                "@criterion(\"MTUS-CPMTG-60-NOPE\")"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(RuleFiles.fromDirectory(rules)));
        assertTrue(e.getMessage().contains("MTUS-CPMTG-60-NOPE"), e.getMessage());
    }

    @Test
    void aMissingFolderFails() {
        assertThrows(RuleBaseException.class, () -> RuleFiles.fromDirectory(dir.resolve("nowhere")));
    }

    @Test
    void thePrecompiledRulesAreCheckedAgainstTheCatalogueToo() {
        RuleFiles builtIn = RuleFiles.fromClasspath();
        java.util.Map<String, String> files = new java.util.TreeMap<>(builtIn.files());
        files.remove("catalogue/mtus-chronic-pain-massage-therapy.json");
        RuleBaseException e = assertThrows(RuleBaseException.class,
                () -> RuleBase.precompiled(new RuleFiles("built-in rules", files)));
        assertTrue(e.getMessage().contains("MTUS-CPMTG-60") && e.getMessage().contains("catalogue"), e.getMessage());
    }

    @Test
    void thePrecompiledRulesNeedTheirGuidelineNumbers() {
        java.util.Map<String, String> files = new java.util.TreeMap<>(RuleFiles.fromClasspath().files());
        files.remove("guideline-numbers.json");
        RuleBaseException e = assertThrows(RuleBaseException.class,
                () -> RuleBase.precompiled(new RuleFiles("built-in rules", files)));
        assertTrue(e.getMessage().contains("guideline-numbers.json"), e.getMessage());
    }
}
