package urcheck.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSessionsPool;
import urcheck.casefile.CaseFacts;
import urcheck.facts.RequestedService;

/**
 * Runs the rules on one case ({@link #check}: a session of its own, taken from a pool: building a session costs
 * more than matching a case, design-notes §3) or on several ({@link #checkAll}: up to {@link #CASES_PER_SESSION}
 * to a session, each rule bound to one case): facts in, rule groups fired in the order of {@link RuleBase#PHASES},
 * results out. A pooled session is reset before reuse, so no fact or result of one run reaches the next. Safe to
 * share between threads.
 */
public final class CaseChecker {

    /**
     * How many cases {@link #checkAll} puts in one session. Rule time per case (issue 14, 5,000 generated cases, one
     * thread, compiled alpha network): ~150 us alone, ~131-145 with 8, ~123-132 with 16 or 32, no better with 64.
     * But a session's cases stay alive until it closes, and with two workers the young collections of check --batch
     * (serial collector, 192 MB heap) copy them all: 210,000 cases on 2 threads took 27.0 s with 8, 28.2 with 16 and
     * 27.3 with 32 (young generation doubled), against 31.6-35.6 s a session per case. 16 keeps most of the rule time
     * saved at half the memory of 32.
     */
    public static final int CASES_PER_SESSION = 16;

    private final RuleBase rules;
    /** Null when every case gets a freshly built session (tests compare the two). */
    private final KieSessionsPool pool;

    public CaseChecker(RuleBase rules) {
        this(rules, true);
    }

    /** @param pooled reuse reset sessions (the default); false builds a new session for every case */
    public CaseChecker(RuleBase rules, boolean pooled) {
        this.rules = rules;
        // One session up front (a one-case run needs no more); the pool grows with the threads that use it.
        this.pool = pooled ? rules.newSessionsPool(1) : null;
    }

    public RuleBase rules() {
        return rules;
    }

    /** @param editionOverride an ODG edition that overrides the case's own (the run's setting), or null */
    public Evaluation check(CaseFacts facts, String editionOverride) {
        return check(facts, facts.all(), editionOverride);
    }

    /** Like {@link #check(CaseFacts, String)}, inserting the facts in the order given (tests shuffle it). */
    public Evaluation check(CaseFacts facts, List<Object> insertionOrder, String editionOverride) {
        try (CaseRun run = start(facts, editionOverride)) {
            run.insert(insertionOrder);
            run.fire();
            return run.collect();
        }
    }

    /**
     * One case's run in the steps {@link #check} takes one after another (the benchmark times each):
     * a session with the edition's numbers, the facts in, the rules fired, the results out, the session reset.
     */
    public CaseRun start(CaseFacts facts, String editionOverride) {
        return start(List.of(facts), edition(facts, editionOverride));
    }

    /**
     * Cases of one ODG edition in one session, in the steps {@link #checkAll} takes (the benchmark times each); case
     * {@code i} gets key {@code i}.
     */
    public CaseRun startAll(List<CaseFacts> cases, String editionOverride) {
        String edition = edition(cases.get(0), editionOverride);
        for (CaseFacts c : cases) {
            if (!edition(c, editionOverride).equals(edition)) {
                throw new IllegalArgumentException("the cases of one session must share their ODG edition");
            }
        }
        return start(cases, edition);
    }

    private CaseRun start(List<CaseFacts> cases, String edition) {
        return new CaseRun(cases, edition, pool != null ? pool.newKieSession() : rules.newSession(), rules);
    }

    /**
     * Several cases, answered as each would be alone, in as few sessions as there are ODG editions among them (the
     * edition's numbers are the session's): a session's fixed costs (firing every rule group, resetting every node
     * memory) are paid once for all of them. Every rule is bound to one case ({@link CaseKeys}); CaseKeysTest and
     * CheckAllTest hold the answers to the ones each case gets alone.
     *
     * @return the evaluations in the order of {@code cases}
     * @throws RuntimeException as {@link #check} would for any one of the cases (the caller can check them one
     *     by one to learn which)
     */
    public List<Evaluation> checkAll(List<CaseFacts> cases, String editionOverride) {
        Map<String, List<Integer>> byEdition = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            byEdition.computeIfAbsent(edition(cases.get(i), editionOverride), k -> new ArrayList<>()).add(i);
        }
        Evaluation[] out = new Evaluation[cases.size()];
        for (Map.Entry<String, List<Integer>> group : byEdition.entrySet()) {
            List<Integer> all = group.getValue();
            for (int from = 0; from < all.size(); from += CASES_PER_SESSION) {
                List<Integer> these = all.subList(from, Math.min(all.size(), from + CASES_PER_SESSION));
                List<CaseFacts> facts = new ArrayList<>(these.size());
                for (int i : these) {
                    facts.add(cases.get(i));
                }
                try (CaseRun run = start(facts, group.getKey())) {
                    run.insertAll();
                    run.fire();
                    List<Evaluation> evaluations = run.collectAll();
                    for (int k = 0; k < evaluations.size(); k++) {
                        out[these.get(k)] = evaluations.get(k);
                    }
                }
            }
        }
        return List.of(out);
    }

    /** The ODG edition a case is checked under: the override, else the case's own, else the default. */
    public String edition(CaseFacts facts, String editionOverride) {
        String edition = editionOverride != null ? editionOverride
                : facts.context().odgEdition() != null ? facts.context().odgEdition()
                : rules.numbers().defaultEdition();
        if (!rules.numbers().knows(edition)) {
            throw new IllegalArgumentException("unknown ODG edition " + edition + "; known: "
                    + String.join(", ", rules.numbers().editions().keySet()));
        }
        return edition;
    }

    static Evaluation collect(CaseFacts facts, String edition, Collection<?> objects) {
        Map<String, Governs> governing = new HashMap<>();
        Map<String, List<CriterionResult>> results = new HashMap<>();
        Map<String, Determination> determinations = new HashMap<>();
        Map<String, List<WorkflowAction>> workflow = new HashMap<>();
        for (Object o : objects) {
            if (o instanceof Governs g) {
                Governs earlier = governing.put(g.itemId(), g);
                if (earlier != null && !earlier.equals(g)) {
                    throw new IllegalStateException("two sections govern item " + g.itemId() + ": "
                            + earlier.section() + " and " + g.section());
                }
            } else if (o instanceof CriterionResult r) {
                results.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r);
            } else if (o instanceof WorkflowAction w) {
                workflow.computeIfAbsent(w.itemId(), k -> new ArrayList<>()).add(w);
            } else if (o instanceof Determination d) {
                Determination earlier = determinations.put(d.itemId(), d);
                if (earlier != null) {
                    throw new IllegalStateException("item " + d.itemId() + " was determined twice, by rules \""
                            + earlier.rule() + "\" and \"" + d.rule() + "\"");
                }
            }
        }
        for (RequestedService item : facts.items()) {
            if (!determinations.containsKey(item.id())) {
                throw new IllegalStateException("no rule determined item " + item.id());
            }
        }
        // Sort for byte-identical output whatever order the session returned objects in.
        Map<String, List<CriterionResult>> sorted = new LinkedHashMap<>();
        results.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<CriterionResult> l = new ArrayList<>(e.getValue());
            // A rule that matches two facts (two earlier injections) states two results that differ only in
            // their facts; the engine's firing order between them is not stable across sessions, so the facts
            // break the tie.
            l.sort(java.util.Comparator.comparing(CriterionResult::criterionId).thenComparing(CriterionResult::rule)
                    .thenComparing(CriterionResult::finding).thenComparing(r -> String.join("\n", r.facts())));
            sorted.put(e.getKey(), List.copyOf(l));
        });
        Map<String, List<WorkflowAction>> actions = new LinkedHashMap<>();
        workflow.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> actions.put(e.getKey(),
                e.getValue().stream().sorted(java.util.Comparator.comparing(WorkflowAction::action)
                        .thenComparing(WorkflowAction::reason)).distinct().toList()));
        return new Evaluation(facts, edition, Map.copyOf(governing), sorted, Map.copyOf(determinations), actions);
    }
}
