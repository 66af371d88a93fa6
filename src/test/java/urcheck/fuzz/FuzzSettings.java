package urcheck.fuzz;

/**
 * How much the fuzz harness runs. CI runs a bounded number of variants (a minute or so on two busy cores);
 * a longer run: {@code mvn -B -o test -Dtest='*Fuzz*' -Durcheck.fuzz.cases=200 -Durcheck.fuzz.seed=$RANDOM}
 * (README "Errors"). A failure message names the seed and variant that reproduce it.
 */
final class FuzzSettings {

    /** Variants per input file. */
    static final int CASES = Integer.getInteger("urcheck.fuzz.cases", 3);
    static final long SEED = Long.getLong("urcheck.fuzz.seed", 13L);
    /** CPU one hostile input may cost (generous: the machine is shared). */
    static final double MAX_CPU_SECONDS = 2.0;

    private FuzzSettings() {
    }
}
