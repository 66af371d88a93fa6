package urcheck.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The treatment plan around the request -> plan.activeTherapy. Present when an order or a care plan
 * activity is for active therapy (exercise, physical therapy, functional restoration); absent when a
 * current CarePlan lists its activities and none is active therapy (the plan documents what is planned).
 * Massage is passive therapy and does not count. IV sedation orders are case items, not plan facts.
 */
final class PlanMapper {

    private static final Set<String> ACTIVE_CPT = Set.of("97110", "97112", "97113", "97116", "97150", "97161", "97162",
            "97163", "97164", "97530", "97535", "97545", "97546");
    private static final Pattern ACTIVE = Words.words("physical therap|physiotherap|\\bpt\\b|exercise|active therap|"
            + "functional restoration|work hardening|work conditioning|strengthening|stretching|aquatic therap|\\bhep\\b");
    private static final Pattern PASSIVE_ONLY = Words.words("massage");

    private final PatientRecord record;
    private final CaseDraft draft;
    private final Set<Resource> items;

    /** @param items the orders mapped to case items that are not active therapy themselves (massage, injections) */
    PlanMapper(PatientRecord record, CaseDraft draft, Set<Resource> items) {
        this.record = record;
        this.draft = draft;
        this.items = items;
    }

    /** A plan or activity still in force (not cancelled, stopped, done, entered in error, or revoked). */
    static boolean current(CarePlan cp) {
        return cp.getStatus() == CarePlan.CarePlanStatus.ACTIVE || cp.getStatus() == CarePlan.CarePlanStatus.DRAFT
                || cp.getStatus() == CarePlan.CarePlanStatus.ONHOLD;
    }

    static boolean current(CarePlan.CarePlanActivityDetailComponent d) {
        CarePlan.CarePlanActivityStatus s = d.getStatus();
        return s != CarePlan.CarePlanActivityStatus.CANCELLED && s != CarePlan.CarePlanActivityStatus.STOPPED
                && s != CarePlan.CarePlanActivityStatus.ENTEREDINERROR && s != CarePlan.CarePlanActivityStatus.COMPLETED;
    }

    static boolean activeTherapy(CodeableConcept code, String description) {
        List<String> w = new ArrayList<>(Words.of(code, false));
        if (description != null) {
            w.add(description);
        }
        String words = Words.lower(w);
        if (Words.find(words, PASSIVE_ONLY) && !Words.find(words, Words.words("exercise"))) {
            return false;
        }
        return Codes.codes(code, Codes.CPT).stream().anyMatch(ACTIVE_CPT::contains)
                || Codes.codes(code, Codes.SNOMED).contains("91251008") || Words.find(words, ACTIVE);
    }

    void map() {
        List<Located<ServiceRequest>> requests = new ArrayList<>(record.orders());
        requests.addAll(record.all(ServiceRequest.class));
        for (Located<ServiceRequest> sr : requests) {
            ServiceRequest s = sr.resource();
            boolean planned = s.getStatus() == ServiceRequest.ServiceRequestStatus.DRAFT
                    || s.getStatus() == ServiceRequest.ServiceRequestStatus.ACTIVE
                    || s.getStatus() == ServiceRequest.ServiceRequestStatus.ONHOLD;
            if (planned && !s.getDoNotPerform() && !items.contains(s) && activeTherapy(s.getCode(), null)) {
                write("present", Words.label(s.getCode()), sr);
                return;
            }
        }
        Located<CarePlan> planWithout = null;
        for (Located<CarePlan> cp : record.all(CarePlan.class)) {
            if (!current(cp.resource()) || cp.resource().getActivity().isEmpty()) {
                continue;
            }
            for (CarePlan.CarePlanActivityComponent a : cp.resource().getActivity()) {
                if (a.hasDetail() && current(a.getDetail()) && activeTherapy(a.getDetail().getCode(), a.getDetail().getDescription())) {
                    write("present", Words.label(a.getDetail().getCode()) != null ? Words.label(a.getDetail().getCode())
                            : a.getDetail().getDescription(), cp);
                    return;
                }
                if (a.hasReference() && record.resolve(a.getReference()) == null && a.getReference().hasDisplay()
                        && activeTherapy(new CodeableConcept(), a.getReference().getDisplay())) {
                    write("present", a.getReference().getDisplay(), cp); // an order this input does not hold
                    return;
                }
            }
            if (planWithout == null) {
                planWithout = cp;
            }
        }
        if (planWithout != null) {
            List<String> listed = new ArrayList<>();
            for (CarePlan.CarePlanActivityComponent a : planWithout.resource().getActivity()) {
                String w = a.hasDetail() ? (Words.label(a.getDetail().getCode()) != null ? Words.label(a.getDetail().getCode())
                        : a.getDetail().getDescription()) : a.hasReference() ? a.getReference().getDisplay() : null;
                if (w != null) {
                    listed.add(w);
                }
            }
            String title = planWithout.resource().hasTitle() ? planWithout.resource().getTitle() : "Treatment plan";
            List<String> notes = Words.notes(planWithout.resource().getNote());
            write("absent", title + " lists " + (listed.isEmpty() ? "its activities" : String.join(", ", listed))
                    + " and no active therapy or exercise" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)), planWithout);
        }
    }

    private void write(String status, String words, Located<?> at) {
        ObjectNode f = draft.object("plan").putObject("activeTherapy");
        f.put("status", status);
        f.put("note", CaseDraft.note(words, at));
        draft.provenance.put("$.plan.activeTherapy", at.path());
    }
}
