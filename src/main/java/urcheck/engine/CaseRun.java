package urcheck.engine;

import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * One case in its session, step by step ({@link CaseChecker#start}): insert the facts, fire the rule
 * groups in the order of {@link RuleBase#PHASES}, collect the results, close (the pooled session is reset
 * and handed back, so nothing of this case reaches the next). Not thread-safe: one thread runs a case.
 */
public final class CaseRun implements AutoCloseable {

    /** A case needs a few hundred firings; far more means rules feeding each other in a loop. */
    private static final int FIRING_LIMIT = 100_000;

    private final urcheck.casefile.CaseFacts facts;
    private final String edition;
    private final KieSession session;
    private final Outcomes outcomes;

    CaseRun(urcheck.casefile.CaseFacts facts, String edition, KieSession session, RuleBase rules) {
        this.facts = facts;
        this.edition = edition;
        this.session = session;
        this.outcomes = new Outcomes(rules.catalogue());
        session.setGlobal("outcome", outcomes);
        session.setGlobal("numbers", rules.numbersInForce(edition));
        session.addEventListener(outcomes);
    }

    public void insert(List<Object> insertionOrder) {
        for (Object fact : insertionOrder) {
            session.insert(fact);
        }
    }

    public void fire() {
        for (int i = RuleBase.PHASES.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(RuleBase.PHASES.get(i)).setFocus();
        }
        int fired = session.fireAllRules(FIRING_LIMIT);
        if (fired >= FIRING_LIMIT) {
            throw new IllegalStateException("the rules fired " + fired + " times on one case: a loop in the rules");
        }
    }

    public Evaluation collect() {
        return CaseChecker.collect(facts, edition, session.getObjects());
    }

    @Override
    public void close() {
        // The listener belongs to this case; a pooled session must not carry it to the next one.
        session.removeEventListener(outcomes);
        session.dispose();
    }
}
