package urcheck.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import urcheck.facts.CaseContext;
import urcheck.facts.ClinicalFinding;
import urcheck.facts.ConservativeCare;
import urcheck.facts.Diagnosis;
import urcheck.facts.PlannedInjectate;
import urcheck.facts.PlannedTreatment;
import urcheck.facts.UncertainFinding;
import urcheck.facts.PriorProcedure;
import urcheck.facts.RequestedService;

/** Everything a case file says, as facts for the rules ({@code plan}: PlannedTreatment and PlannedInjectate). */
public record CaseFacts(CaseContext context, List<RequestedService> items, List<ClinicalFinding> findings,
                        List<Diagnosis> diagnoses, List<ConservativeCare> care, List<PriorProcedure> procedures,
                        List<Object> plan, List<UncertainFinding> uncertain) {

    public CaseFacts {
        items = List.copyOf(items);
        findings = List.copyOf(findings);
        diagnoses = List.copyOf(diagnoses);
        uncertain = List.copyOf(uncertain);
        care = List.copyOf(care);
        procedures = List.copyOf(procedures);
        plan = List.copyOf(plan);
    }

    /**
     * The same facts for case {@code key} of a session that holds several cases ({@code CaseChecker.checkAll});
     * a case checked alone keeps key 0.
     */
    public CaseFacts keyed(int key) {
        List<Object> keyedPlan = new ArrayList<>(plan.size());
        for (Object p : plan) {
            if (p instanceof PlannedTreatment t) {
                keyedPlan.add(t.withCaseKey(key));
            } else if (p instanceof PlannedInjectate i) {
                keyedPlan.add(i.withCaseKey(key));
            } else {
                throw new IllegalStateException("a plan fact of type " + p.getClass().getSimpleName() + " has no case key");
            }
        }
        return new CaseFacts(context.withCaseKey(key), keyedList(items, f -> f.withCaseKey(key)),
                keyedList(findings, f -> f.withCaseKey(key)), keyedList(diagnoses, f -> f.withCaseKey(key)),
                keyedList(care, f -> f.withCaseKey(key)), keyedList(procedures, f -> f.withCaseKey(key)), keyedPlan,
                keyedList(uncertain, f -> f.withCaseKey(key)));
    }

    private static <T> List<T> keyedList(List<T> facts, UnaryOperator<T> keyed) {
        List<T> out = new ArrayList<>(facts.size());
        for (T f : facts) {
            out.add(keyed.apply(f));
        }
        return out;
    }

    /** Every fact, the context first; the order does not change the answer (the tests shuffle it). */
    public List<Object> all() {
        List<Object> all = new ArrayList<>();
        all.add(context);
        all.addAll(items);
        all.addAll(findings);
        all.addAll(diagnoses);
        all.addAll(uncertain);
        all.addAll(care);
        all.addAll(procedures);
        all.addAll(plan);
        return all;
    }
}
