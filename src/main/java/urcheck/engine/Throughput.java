package urcheck.engine;

/**
 * What a process will do with its rule base, which decides how the rule base is built: a one-case run wants it
 * ready soon, a batch or a server wants each case to cost little. {@link RuleBase#precompiled(Throughput)}.
 */
public enum Throughput {
    /** One case or a few ({@code check FILE...}, {@code evaluate}): no work at start-up that only pays back later. */
    ONE_CASE,
    /**
     * Many cases in one process ({@code check --batch}, {@code serve}): the rule base's alpha network (each fact
     * type's constraint tests) is compiled into Java at load time, which costs start-up time and saves rule time
     * on every case (docs/speed.md has the figures).
     */
    BATCH
}
