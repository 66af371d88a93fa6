package urcheck.facts;

public enum Region {
    CERVICAL, THORACIC, LUMBAR;

    public String label() {
        return name().toLowerCase();
    }
}
