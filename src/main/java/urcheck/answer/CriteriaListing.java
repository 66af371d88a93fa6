package urcheck.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import urcheck.catalogue.Citation;
import urcheck.catalogue.CriterionEntry;
import urcheck.catalogue.SectionEntry;
import urcheck.engine.KnowledgeVersion;
import urcheck.engine.RuleBase;

/**
 * The criteria catalogue as people and programs read it: catalogue text joined with rule citations. It names the
 * knowledge base it lists ({@code knowledgeBase}, as every answer does), so that a compact answer, which gives
 * criteria by id only, is read against the catalogue of the knowledge base that made it.
 */
public record CriteriaListing(String urcheckVersion, KnowledgeVersion knowledgeBase, String defaultOdgEdition,
                              List<Section> sections) {

    public record Section(String id, String title, String guideline, String chapters, String edition, String position,
                          List<Criterion> criteria) {
    }

    /**
     * One criterion; {@code editions}, only for a criterion an ODG edition words differently from the default
     * edition: that edition's text, locator and edition as its answers state them.
     */
    public record Criterion(String id, String text, String kind, String citation, String guideline, String chapter,
                            String section, String locator, String edition, List<String> outcomes, List<String> rules,
                            String documentation,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, CriterionEntry.EditionWording> editions) {
    }

    public static CriteriaListing of(RuleBase rules) {
        List<Section> sections = new ArrayList<>();
        for (SectionEntry s : rules.catalogue().sections()) {
            List<Criterion> criteria = new ArrayList<>();
            for (CriterionEntry c : s.criteria()) {
                Citation cit = rules.citation(c.id());
                criteria.add(new Criterion(c.id(), c.text(), c.kind(), cit == null ? null : cit.text(),
                        cit == null ? null : cit.guideline(), cit == null ? null : cit.chapter(),
                        cit == null ? null : cit.section(), cit == null ? null : cit.locator(),
                        cit == null ? null : cit.edition(), c.outcomes(),
                        rules.rulesFor(c.id()).stream().map(r -> r.getName()).toList(), c.document(), c.editions()));
            }
            sections.add(new Section(s.id(), s.title(), s.guideline(), s.chapters(), s.edition(), s.position(), criteria));
        }
        return new CriteriaListing(urcheck.Checker.version(), rules.knowledgeVersion(), rules.numbers().defaultEdition(),
                sections);
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        for (Section sec : sections) {
            s.append(sec.guideline()).append(" - ").append(sec.title()).append("  [").append(sec.id()).append("]\n");
            s.append("  ").append(sec.chapters()).append("; ").append(sec.edition()).append('\n');
            for (Criterion c : sec.criteria()) {
                s.append("  ").append(String.format("%-22s", c.id())).append(c.text()).append(" (").append(c.kind()).append(")\n");
                s.append("  ").append(" ".repeat(22)).append("Source: ").append(c.citation()).append('\n');
            }
            s.append('\n');
        }
        return s.toString();
    }
}
