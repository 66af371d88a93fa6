package urcheck.answer;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import urcheck.catalogue.SectionEntry;
import urcheck.engine.CriterionStatus;
import urcheck.engine.Determination;
import urcheck.engine.Evaluation;
import urcheck.engine.Governs;
import urcheck.engine.Verdict;
import urcheck.facts.RequestedService;

/**
 * A short decision rationale in the manner of IMR determinations: "Criteria for ... include ...
 * In this case, ... Therefore, ...". Built only from the criteria the rules evaluated.
 */
final class RationaleWriter {

    private RationaleWriter() {
    }

    static String write(RequestedService item, Determination d, Governs g, List<ItemAnswer.CriterionAnswer> criteria,
                        SectionEntry section, Map<String, RequestedService> byId, Evaluation ev) {
        if (d.verdict() == Verdict.NOT_COVERED) {
            return d.reason();
        }
        String conclusion = "Therefore, the request is " + d.verdict().label() + ".";
        if (item.associated()) {
            return associated(item, d, criteria, byId, ev, conclusion);
        }
        StringJoiner include = new StringJoiner("; ");
        for (ItemAnswer.CriterionAnswer c : criteria) {
            if (!CriterionStatus.NOT_APPLICABLE.name().equals(c.status())) {
                include.add(c.text());
            }
        }
        StringBuilder s = new StringBuilder(256 + include.length());
        s.append("Criteria for ").append(section == null ? g.section() : section.title())
                .append(section == null ? "" : " (" + section.guideline() + ")")
                .append(" include: ").append(include).append(". ");
        String deciding = d.verdict() == Verdict.MEDICALLY_NECESSARY
                ? findings(criteria, CriterionStatus.MET)
                : join(findings(criteria, CriterionStatus.NOT_MET), blockingNotDocumented(criteria));
        s.append("In this case, ").append(lowerFirst(deciding)).append(' ').append(conclusion);
        return s.toString();
    }

    private static String associated(RequestedService item, Determination d, List<ItemAnswer.CriterionAnswer> criteria,
                                     Map<String, RequestedService> byId, Evaluation ev, String conclusion) {
        RequestedService primary = byId.get(item.primaryItem());
        Verdict primaryVerdict = ev.determinations().get(primary.id()).verdict();
        StringBuilder s = new StringBuilder("This is an associated service (" + item.service().label()
                + ") of item " + primary.id() + " (" + (primary.request() == null ? primary.service().label() : primary.request())
                + "), which is " + primaryVerdict.label() + ". ");
        if (primaryVerdict != Verdict.MEDICALLY_NECESSARY) {
            s.append("Since the primary procedure is not medically necessary, none of the associated services are "
                    + "medically necessary.");
            return s.toString();
        }
        List<ItemAnswer.CriterionAnswer> own = criteria.stream().filter(c -> !c.id().equals("ASSOC-PRIMARY")).toList();
        if (d.verdict() == Verdict.NOT_MEDICALLY_NECESSARY) {
            s.append("However, ").append(lowerFirst(join(findings(own, CriterionStatus.NOT_MET), blockingNotDocumented(own))))
                    .append(' ');
        }
        return s.append(conclusion).toString();
    }

    private static String findings(List<ItemAnswer.CriterionAnswer> criteria, CriterionStatus status) {
        StringJoiner s = new StringJoiner(" ");
        for (ItemAnswer.CriterionAnswer c : criteria) {
            if (status.name().equals(c.status())) {
                s.add(c.finding());
            }
        }
        return s.toString();
    }

    private static String blockingNotDocumented(List<ItemAnswer.CriterionAnswer> criteria) {
        StringJoiner s = new StringJoiner(" ");
        for (ItemAnswer.CriterionAnswer c : criteria) {
            if (CriterionStatus.NOT_DOCUMENTED.name().equals(c.status()) && "prerequisite".equals(c.kind())) {
                s.add(c.finding());
            }
        }
        return s.toString();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    private static String lowerFirst(String s) {
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
