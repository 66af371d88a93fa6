package urcheck.facts;

/** The local anesthetic of a block: how long a positive response must last depends on it. */
public enum Anesthetic {
    LIDOCAINE, BUPIVACAINE, OTHER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
