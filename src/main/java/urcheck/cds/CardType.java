package urcheck.cds;

/**
 * The kinds of CRD response urcheck returns, each with the configuration option a CRD client can switch it off
 * with (Da Vinci CRD 2.0.1: a boolean option per card type a server returns, req 115-116) and the card-type code
 * its cards carry in {@code source.topic}. In CRD 2.0.1 the CRD Card Types value set is the codes of
 * {@value #TOPIC_SYSTEM} under {@code _cardType}; where a code there fits, the option uses it (req 121).
 */
enum CardType {
    /** The coverage-information system action on each order (not a card: it has no topic). */
    COVERAGE_INFO("coverage-info", "Coverage information",
            "Annotates each order urcheck checks with a Da Vinci CRD coverage-information extension (covered, not-covered or "
                    + "conditional, with the guideline reasons)."),
    /** A card without links or suggestions: the criteria, what to document, the rationale. */
    INSTRUCTIONS("instructions", "Guideline criteria",
            "Returns a card per checked order listing each guideline criterion as met, not met or not documented, and what to "
                    + "document."),
    /** A card whose links all open the governing guideline's public source (External Reference). */
    EXTERNAL_REFERENCE("guideline", "Guideline reference",
            "Returns a card per governing guideline section with links to where the guideline is published.");

    static final String TOPIC_SYSTEM = "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp";
    /** Both card kinds present guideline content: CRD's "guideline" card-type code. */
    static final String TOPIC_CODE = "guideline";
    static final String TOPIC_DISPLAY = "Guideline";

    final String option;
    final String name;
    final String description;

    CardType(String option, String name, String description) {
        this.option = option;
        this.name = name;
        this.description = description;
    }
}
