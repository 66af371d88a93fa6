package urcheck.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

/** The harness's generator and checks, for tests in other packages (the HTTP routes). */
public final class HostileInput {

    private HostileInput() {
    }

    /** A hostile variant of {@code original}, the same for the same seed. */
    public static byte[] variant(long seed, JsonNode original) {
        return new Mutator(seed).mutate(original);
    }

    /** Fails when {@code text} repeats the harness's stand-in for patient data or holds raw control characters. */
    public static void assertNoInputText(String text, String variant) {
        Refusals.assertNoInputText(text, variant);
    }
}
