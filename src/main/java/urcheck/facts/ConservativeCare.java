package urcheck.facts;

/** One kind of conservative care tried before the request, how long and with what result. */
public record ConservativeCare(CareModality modality, Integer weeks, Integer visits, CareResponse response,
                               Documented functionalImprovement, String note,
                               int caseKey)
        implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public ConservativeCare(CareModality modality, Integer weeks, Integer visits, CareResponse response, Documented
            functionalImprovement, String note) {
        this(modality, weeks, visits, response, functionalImprovement, note, 0);
    }

    /** The same fact for the case with {@code key}. */
    public ConservativeCare withCaseKey(int key) {
        return key == caseKey ? this : new ConservativeCare(modality, weeks, visits, response, functionalImprovement,
                note, key);
    }

    /** Physical therapy, home exercise and NSAIDs: the care ODG names for the facet criteria. */
    public boolean odgCoreModality() {
        return modality == CareModality.PHYSICAL_THERAPY || modality == CareModality.HOME_EXERCISE
                || modality == CareModality.NSAIDS;
    }

    /** Physical therapy, chiropractic care and massage: the visits the physical-medicine limits count. */
    public boolean physicalMedicine() {
        return modality == CareModality.PHYSICAL_THERAPY || modality == CareModality.CHIROPRACTIC
                || modality == CareModality.MASSAGE;
    }

    public boolean failed() {
        return response == CareResponse.FAILED;
    }

    public boolean helped() {
        return response == CareResponse.HELPED;
    }

    @Override
    public String describe() {
        return modality.label() + ": " + response.label()
                + (weeks == null ? ", duration not documented" : ", " + weeks + " weeks")
                + (visits == null ? "" : ", " + visits + " visits")
                + (functionalImprovement == Documented.NOT_DOCUMENTED ? ""
                   : ", functional improvement " + functionalImprovement.label())
                + (note == null ? "" : " (\"" + note + "\")");
    }
}
