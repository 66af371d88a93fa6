package urcheck.facts;

public enum Jurisdiction {
    CALIFORNIA("California (MTUS first, then ODG: 8 CCR 9792.21.1)"),
    TEXAS("Texas (ODG: 28 TAC 137.100)"),
    OTHER("other jurisdiction (ODG)");

    private final String label;

    Jurisdiction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
