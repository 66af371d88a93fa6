package urcheck.engine;

/**
 * The three situations a reviewer tells apart, beside the determination (and a fourth for requests
 * outside these guidelines):
 * <ul>
 * <li>CRITERIA_MET: every criterion that decides is met; the item may be approved.</li>
 * <li>CRITERIA_NOT_MET: a criterion is documented not met: a stop that more paperwork will not cure.</li>
 * <li>INFORMATION_NEEDED: nothing fails, but criteria are not documented; with them documented the item
 *     would meet the criteria. California: a request for additional information (8 CCR 9792.9.1(f));
 *     Da Vinci CRD: coverage "conditional" with information needed.</li>
 * <li>NOT_COVERED: no guideline section urcheck checks covers the request.</li>
 * </ul>
 */
public enum ItemOutcome {
    CRITERIA_MET("Criteria met: may be approved"),
    CRITERIA_NOT_MET("Criteria not met"),
    INFORMATION_NEEDED("Information needed"),
    NOT_COVERED("Not covered by these guidelines");

    private final String label;

    ItemOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Da Vinci CRD coverage-information "covered" value this outcome corresponds to. */
    public String crdCovered() {
        return switch (this) {
            case CRITERIA_MET -> "covered";
            case CRITERIA_NOT_MET -> "not-covered";
            case INFORMATION_NEEDED, NOT_COVERED -> "conditional";
        };
    }
}
