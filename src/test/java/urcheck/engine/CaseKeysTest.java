package urcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;

/**
 * No rule can join facts of two cases: every rule of rules/, as the build rewrites it (ConstraintLines, then
 * CaseKeys), read back by Drools' own DRL parser, binds the case key in its first pattern on a working-memory fact
 * (a positive pattern at the top of its conditions) and requires it in every other such pattern, however deep (not,
 * exists, or, accumulate, collect, forall); every declared type carries it. And the rewrite itself, on small rules.
 */
class CaseKeysTest {

    private static final String BIND = CaseKeys.VARIABLE + " : " + CaseKeys.FIELD;
    private static final String REQUIRE = CaseKeys.FIELD + " == " + CaseKeys.VARIABLE;

    @Test
    void everyRuleOfTheKnowledgeBaseIsBoundToOneCase() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        int rules = 0;
        int patterns = 0;
        for (Path f : files) {
            String drl = Files.readString(f);
            String built = CaseKeys.rewrite(ConstraintLines.join(drl));
            assertEquals(drl.split("\n", -1).length, built.split("\n", -1).length, f + ": line numbers moved");
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(null, built);
            assertFalse(parser.hasErrors(), f + ": " + parser.getErrors());
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                assertTrue(t.getFields().containsKey(CaseKeys.FIELD), f + ": declare " + t.getTypeName() + " has no case key");
            }
            for (RuleDescr r : pkg.getRules()) {
                List<PatternDescr> facts = new ArrayList<>();
                walk(r.getLhs(), facts);
                assertFalse(facts.isEmpty(), r.getName() + " matches no fact");
                PatternDescr first = facts.get(0);
                assertTrue(r.getLhs().getDescrs().contains(first), r.getName() + ": the key is bound inside a not/exists/or");
                assertEquals(List.of(BIND), constraints(first).stream().filter(c -> c.contains(CaseKeys.FIELD)).toList(),
                        r.getName() + ": " + first.getObjectType() + " does not bind the key");
                for (PatternDescr p : facts.subList(1, facts.size())) {
                    assertTrue(constraints(p).contains(REQUIRE), r.getName() + ": " + p.getObjectType()
                            + " can match a fact of another case");
                }
                rules++;
                patterns += facts.size();
            }
        }
        assertTrue(rules > 150, rules + " rules");
        assertTrue(patterns > 2 * rules, patterns + " patterns");
    }

    /** The patterns over working memory, in order; a pattern over what a from expression gives is not one. */
    private static void walk(BaseDescr d, List<PatternDescr> out) {
        if (d instanceof PatternDescr p) {
            if (p.getSource() == null) {
                out.add(p);
            } else if (p.getSource() instanceof CollectDescr c) {
                walk(c.getInputPattern(), out);
            } else if (p.getSource() instanceof AccumulateDescr a) {
                walk(a.getInput(), out);
            } else {
                assertTrue(p.getSource() instanceof FromDescr, p.getObjectType() + " from " + p.getSource());
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, out);
            }
        } else if (d instanceof AccumulateDescr a) {
            walk(a.getInput(), out);
        }
    }

    private static List<String> constraints(PatternDescr p) {
        return p.getDescrs().stream().map(c -> c.getText() != null ? c.getText().trim() : c.toString().trim()).toList();
    }

    @Test
    void theRewriteOnASmallRule() {
        String drl = """
                declare Seen
                    itemId : String
                end
                rule "r"
                when
                    $n : GuidelineNumber( $max : value ) from numbers.get("max")
                    $item : RequestedService( $id : id, jointCount() <= $max )
                    not ClinicalFinding( kind == FindingKind.AXIAL_PAIN )
                    ( exists Diagnosis() or RequestedService( id == $id ) )
                    $l : java.util.List( size > 1 ) from collect( PriorProcedure( levelsKnown() ) )
                then
                    insert( new Seen($id) );
                    insert( new Object() );
                end
                """;
        String expected = """
                declare Seen
                    itemId : String
                caseKey : int end
                rule "r"
                when
                    $n : GuidelineNumber( $max : value ) from numbers.get("max")
                    $item : RequestedService( $caseKey : caseKey, $id : id, jointCount() <= $max )
                    not ClinicalFinding( caseKey == $caseKey, kind == FindingKind.AXIAL_PAIN )
                    ( exists Diagnosis( caseKey == $caseKey ) or RequestedService( caseKey == $caseKey, id == $id ) )
                    $l : java.util.List( size > 1 ) from collect( PriorProcedure( caseKey == $caseKey, levelsKnown() ) )
                then
                    insert( new Seen($id, $caseKey) );
                    insert( new Object($caseKey) );
                end
                """;
        assertEquals(expected, CaseKeys.rewrite(drl));
    }

    @Test
    void aRuleThatCouldNotSayWhichCaseItIsAboutIsRefused() {
        // The first pattern on a fact is negated: there is no fact to take the case from.
        assertThrows(IllegalArgumentException.class, () -> CaseKeys.rewrite(
                "rule \"r\"\nwhen\n    not ClinicalFinding()\n    $i : RequestedService()\nthen\nend\n"));
        // Only a guideline number: no fact of any case.
        assertThrows(IllegalArgumentException.class, () -> CaseKeys.rewrite(
                "rule \"r\"\nwhen\n    GuidelineNumber() from numbers.get(\"x\")\nthen\nend\n"));
        // The build's own name, written by hand.
        assertThrows(IllegalArgumentException.class, () -> CaseKeys.rewrite(
                "rule \"r\"\nwhen\n    RequestedService( caseKey == 1 )\nthen\nend\n"));
        // Positional constraints would shift.
        assertThrows(IllegalArgumentException.class, () -> CaseKeys.rewrite(
                "rule \"r\"\nwhen\n    RequestedService( \"1\"; )\nthen\nend\n"));
    }
}
