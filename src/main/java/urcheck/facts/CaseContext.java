package urcheck.facts;

/** The case as a whole: who decides by which rules, and when. */
public record CaseContext(String caseId, Jurisdiction jurisdiction, String odgEdition,
                          PartialDate requestDate, PartialDate injuryDate,
                          int caseKey) implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public CaseContext(String caseId, Jurisdiction jurisdiction, String odgEdition, PartialDate requestDate,
            PartialDate injuryDate) {
        this(caseId, jurisdiction, odgEdition, requestDate, injuryDate, 0);
    }

    /** The same fact for the case with {@code key}. */
    public CaseContext withCaseKey(int key) {
        return key == caseKey ? this : new CaseContext(caseId, jurisdiction, odgEdition, requestDate, injuryDate, key);
    }

    /**
     * TRUE when the request comes at least {@code months} months after the injury (chronic), FALSE when
     * it comes sooner (acute), null when either date is missing or too imprecise to say.
     */
    public Boolean requestAtLeastMonthsAfterInjury(int months) {
        return injuryDate == null ? null : injuryDate.atLeastMonthsBefore(requestDate, months);
    }

    @Override
    public String describe() {
        return "jurisdiction: " + jurisdiction.name().toLowerCase()
                + "; date of injury: " + (injuryDate == null ? "not documented" : injuryDate)
                + "; date of request: " + (requestDate == null ? "not documented" : requestDate);
    }
}
