package urcheck.extract;

/** The kinds of section a record's headings name (rules/lexicon/sections.json). */
enum Section {
    NONE("none"), HISTORY("history"), PAST_HISTORY("pastHistory"), FAMILY_HISTORY("familyHistory"),
    SOCIAL_HISTORY("socialHistory"), MEDICATIONS("medications"), EXAM("exam"), STUDIES("studies"),
    ASSESSMENT("assessment"), PLAN("plan"), CASE_SUMMARY("caseSummary"), DISPUTED_ITEMS("disputedItems"),
    RATIONALE("rationale"), GUIDELINE_CITATION("guidelineCitation"), BOILERPLATE("boilerplate");

    private final String key;

    Section(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Sections not read at all: a decision's boilerplate and the guideline it cites. */
    boolean skipped() {
        return this == BOILERPLATE || this == GUIDELINE_CITATION;
    }
}
