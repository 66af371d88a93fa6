package urcheck.facts;

public enum CareResponse {
    FAILED, HELPED, UNKNOWN;

    public String label() {
        return switch (this) {
            case FAILED -> "failed";
            case HELPED -> "helped";
            case UNKNOWN -> "response not documented";
        };
    }
}
