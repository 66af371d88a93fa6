package urcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.KieSession;
import urcheck.casefile.CaseFacts;
import urcheck.facts.CaseFact;

/**
 * Cases in one session, step by step ({@link CaseChecker#start}, {@link CaseChecker#checkAll}): insert the facts,
 * fire the rule groups in the order of {@link RuleBase#PHASES}, collect the results, close (the pooled session is
 * reset and handed back, so nothing of these cases reaches the next). Case {@code i} of the run has key {@code i}:
 * every rule is bound to one case ({@link CaseKeys}), so the cases of a run never meet. Not thread-safe: one thread
 * runs a session.
 */
public final class CaseRun implements AutoCloseable {

    /** A case needs a few hundred firings; far more means rules feeding each other in a loop. */
    private static final int FIRING_LIMIT = 100_000;

    /** The cases as given (their answers show these), by key. */
    private final List<CaseFacts> cases;
    private final String edition;
    private final KieSession session;
    private final Outcomes outcomes;

    CaseRun(List<CaseFacts> cases, String edition, KieSession session, RuleBase rules) {
        this.cases = List.copyOf(cases);
        this.edition = edition;
        this.session = session;
        this.outcomes = new Outcomes(rules.catalogue());
        session.setGlobal("outcome", outcomes);
        session.setGlobal("numbers", rules.numbersInForce(edition));
        session.addEventListener(outcomes);
    }

    /** The facts of a run's only case, in the order given (tests shuffle it). */
    public void insert(List<Object> insertionOrder) {
        if (cases.size() != 1) {
            throw new IllegalStateException("insertion order is given for a run of one case");
        }
        for (Object fact : insertionOrder) {
            session.insert(fact);
        }
    }

    /** The facts of every case of the run, each with its case's key. */
    public void insertAll() {
        if (cases.size() == 1) {
            insert(cases.get(0).all());
            return;
        }
        for (int key = 0; key < cases.size(); key++) {
            for (Object fact : cases.get(key).keyed(key).all()) {
                session.insert(fact);
            }
        }
    }

    public void fire() {
        for (int i = RuleBase.PHASES.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(RuleBase.PHASES.get(i)).setFocus();
        }
        int limit = FIRING_LIMIT * cases.size();
        int fired = session.fireAllRules(limit);
        if (fired >= limit) {
            throw new IllegalStateException("the rules fired " + fired + " times on " + cases.size()
                    + " case(s): a loop in the rules");
        }
    }

    /** The run's only case's evaluation. */
    public Evaluation collect() {
        if (cases.size() != 1) {
            throw new IllegalStateException("collect() is for a run of one case; use collectAll()");
        }
        return CaseChecker.collect(cases.get(0), edition, session.getObjects());
    }

    /** Every case's evaluation, in the order the cases were given. */
    public List<Evaluation> collectAll() {
        List<List<Object>> byCase = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            byCase.add(new ArrayList<>());
        }
        for (Object o : session.getObjects()) {
            // Every fact and result class is a CaseFact; collect() takes the results and passes over the rest.
            if (o instanceof CaseFact f) {
                if (f.caseKey() < 0 || f.caseKey() >= cases.size()) {
                    throw new IllegalStateException("a " + o.getClass().getSimpleName() + " has case key "
                            + f.caseKey() + " in a run of " + cases.size() + " case(s)");
                }
                byCase.get(f.caseKey()).add(o);
            }
        }
        List<Evaluation> out = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            out.add(CaseChecker.collect(cases.get(i), edition, byCase.get(i)));
        }
        return out;
    }

    @Override
    public void close() {
        // The listener belongs to this run; a pooled session must not carry it to the next one.
        session.removeEventListener(outcomes);
        session.dispose();
    }
}
