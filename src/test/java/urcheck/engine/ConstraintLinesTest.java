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
import org.drools.ancompiler.KieBaseUpdaterANC;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * The staging copy's rewrite: each pattern of a rule's conditions on one line, nothing else changed, line numbers
 * kept; and the reason for it, that Drools' alpha-network compiler fails on a constraint over several lines.
 */
class ConstraintLinesTest {

    private static final String RULE = """
            package t;
            import urcheck.facts.*;
            // a comment with "quotes" and (parentheses
            rule "a rule, when (written) over lines"
                ruleflow-group "criteria"
            when
                RequestedService( service == ServiceType.THERAPEUTIC_FACET_INJECTION   // a note
                                  || service == ServiceType.FACET_JOINT_INJECTION,
                                  $id : id )
                CaseContext( jurisdiction == Jurisdiction.TEXAS )
            then
                String when = "x" + $id;
                System.out.println( when
                    + "(" );
            end
            """;

    @Test
    void joinsEachPatternOntoItsFirstLineAndKeepsTheLineCount() {
        String joined = ConstraintLines.join(RULE);
        assertEquals(RULE.split("\n", -1).length, joined.split("\n", -1).length);
        assertTrue(joined.contains("    RequestedService( service == ServiceType.THERAPEUTIC_FACET_INJECTION   /* a note */ "
                + "|| service == ServiceType.FACET_JOINT_INJECTION, $id : id )\n\n\n"), joined);
        // the next pattern keeps its line number (10), the consequence is untouched
        assertEquals("    CaseContext( jurisdiction == Jurisdiction.TEXAS )", joined.split("\n")[9]);
        assertEquals(RULE.substring(RULE.indexOf("then")), joined.substring(joined.indexOf("then")));
        assertEquals(RULE.substring(0, RULE.indexOf("when\n")), joined.substring(0, joined.indexOf("when\n")));
    }

    @Test
    void changesNothingElse() {
        String joined = ConstraintLines.join(RULE);
        assertEquals(RULE.replace("// a note", "/* a note */").replaceAll("\\s+", ""), joined.replaceAll("\\s+", ""));
        assertEquals(joined, ConstraintLines.join(joined));
    }

    @Test
    void refusesWhatItCannotRewriteSafely() {
        assertThrows(IllegalArgumentException.class,
                () -> ConstraintLines.join("rule \"r\" when\n  A( x == 1 // a */ b\n  ) then end\n"));
        assertThrows(IllegalArgumentException.class, () -> ConstraintLines.join("rule \"r\" when\n  A( x == 1\nthen\nend\n"));
        assertThrows(IllegalArgumentException.class, () -> ConstraintLines.join("rule \"r\" when\n  A( s == \"open\n  ) then end\n"));
    }

    @Test
    void theRulesKeepTheirLinesAndConsequences() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        int changed = 0;
        for (Path f : files) {
            String drl = Files.readString(f);
            String joined = ConstraintLines.join(drl);
            String[] before = drl.split("\n", -1);
            String[] after = joined.split("\n", -1);
            assertEquals(before.length, after.length, f.toString());
            // every line that opens a rule, a consequence or its end is where it was, and every consequence is as written
            boolean consequence = false;
            for (int i = 0; i < before.length; i++) {
                String t = before[i].trim();
                if (t.startsWith("rule ") || t.equals("then") || t.equals("end") || consequence) {
                    assertEquals(before[i], after[i], f + ":" + (i + 1));
                }
                consequence = t.equals("then") || consequence && !t.equals("end");
            }
            assertEquals(drl.replaceAll("\\s+", ""), joined.replaceAll("\\s+", ""), f + ": only whitespace may change");
            changed += drl.equals(joined) ? 0 : 1;
        }
        assertTrue(changed > 0, "no rule file has a pattern over several lines: the rewrite is not exercised");
    }

    @Test
    void theAlphaNetworkCompilerFailsOnAPatternOverSeveralLinesAndNotOnTheJoinedOne() {
        String drl = """
                package t;
                import urcheck.facts.*;
                rule "r1" when
                    RequestedService( service == ServiceType.THERAPEUTIC_FACET_INJECTION
                                      || service == ServiceType.FACET_JOINT_INJECTION )
                then end
                rule "r2" when RequestedService( service == ServiceType.MASSAGE_THERAPY ) then end
                rule "r3" when RequestedService( service == ServiceType.IV_SEDATION ) then end
                """;
        // If this starts to pass, Drools fixed the defect and ConstraintLines can go.
        assertThrows(RuntimeException.class, () -> KieBaseUpdaterANC.generateAndSetInMemoryANC(build(drl)),
                "drools-alphanetwork-compiler compiled a constraint over several lines");
        KieBaseUpdaterANC.generateAndSetInMemoryANC(build(ConstraintLines.join(drl)));
    }

    private static KieBase build(String drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem().write("src/main/resources/t/r.drl", drl);
        // the executable model, as the build makes it from the staging copy
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = new ArrayList<>(builder.getResults().getMessages(Message.Level.ERROR));
        assertEquals(List.of(), errors);
        return ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
    }
}
