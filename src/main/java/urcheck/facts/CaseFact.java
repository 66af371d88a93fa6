package urcheck.facts;

/**
 * A fact of one case in the rule session. Several cases can share one session (a batch checks a chunk of cases
 * at a time: the session's per-case costs are paid once per chunk), so each fact carries its case's key, and the
 * build binds every pattern of every rule to the key of the rule's first pattern (engine.CaseKeys): no rule can
 * join facts of two cases. A case checked alone has key 0.
 */
public interface CaseFact {

    /** Which case of the session the fact belongs to. */
    int caseKey();
}
