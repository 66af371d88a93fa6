package urcheck.engine;

import org.kie.api.conf.KieBaseOption;
import org.kie.internal.conf.IndexLeftBetaMemoryOption;
import org.kie.internal.conf.IndexRightBetaMemoryOption;

/**
 * How every rule base is built, precompiled or compiled from DRL alike (one place, so both answer the same and
 * cost the same). Only the route through the network changes, never an answer.
 */
final class NetworkOptions {

    /**
     * No hash indexes on join memories. A case puts a handful of facts of each type into its session, so a join
     * scans a list of a few entries as fast as it looks up a hash; but a pooled session clears every indexed
     * memory on reset by allocating a fresh table, for every join of the ~180 rules whether the case used it or
     * not. Measured (issue 14, 3,000 generated cases, one thread, interleaved passes in one JVM): ~8-10% less
     * rule time without the indexes.
     */
    static final KieBaseOption[] ALL = {IndexLeftBetaMemoryOption.NO, IndexRightBetaMemoryOption.NO};

    private NetworkOptions() {
    }
}
