package urcheck.facts;

public enum Laterality {
    LEFT, RIGHT, BILATERAL;

    public String label() {
        return name().toLowerCase();
    }
}
