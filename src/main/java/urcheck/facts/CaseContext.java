package urcheck.facts;

/** The case as a whole: who decides by which rules, and when. */
public record CaseContext(String caseId, Jurisdiction jurisdiction, String odgEdition,
                          PartialDate requestDate, PartialDate injuryDate) implements Evidence {

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
