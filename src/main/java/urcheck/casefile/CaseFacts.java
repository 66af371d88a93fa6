package urcheck.casefile;

import java.util.ArrayList;
import java.util.List;
import urcheck.facts.CaseContext;
import urcheck.facts.ClinicalFinding;
import urcheck.facts.ConservativeCare;
import urcheck.facts.Diagnosis;
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
