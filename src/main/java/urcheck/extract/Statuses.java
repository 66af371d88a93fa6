package urcheck.extract;

import urcheck.extract.Lexicon.Category;

/**
 * What a finding's context makes of it (ConText's categories applied to the case file's four statuses):
 * negated is absent, uncertain is uncertain (decided as not documented, flagged), a rule-out or a "not
 * documented" leaves it out, someone else's or a guideline's statement is not the patient's, history is not
 * current, and a plan is only a plan.
 */
final class Statuses {

    /** The status, or null when the mention documents nothing; {@code why} says why it is left out. */
    record Verdict(String status, String leftOut) {
    }

    private Statuses() {
    }

    /**
     * @param when    "current" (a symptom or sign), "any" (a test result, diagnosis, surgery) or "future" (a plan)
     * @param fixed   the status the words themselves carry ("non-radicular" is absent), or null
     * @param planned whether the sentence is a request or plan even without a trigger word
     */
    static Verdict of(Context c, String when, String fixed, boolean planned) {
        if (c.has(Category.OTHER_PERSON)) {
            return new Verdict(null, "about someone else (" + c.cue(Category.OTHER_PERSON) + ")");
        }
        if (c.has(Category.GENERIC)) {
            return new Verdict(null, "a guideline's words, not the record's");
        }
        if (c.has(Category.NOT_DOCUMENTED)) {
            return new Verdict(null, "the text says it is not documented (" + c.cue(Category.NOT_DOCUMENTED) + ")");
        }
        if (c.has(Category.RULE_OUT)) {
            return new Verdict(null, "to be ruled out (" + c.cue(Category.RULE_OUT) + "): not documented");
        }
        boolean future = c.has(Category.FUTURE) || c.has(Category.HYPOTHETICAL) || planned;
        if ("future".equals(when)) {
            if (!future) {
                return new Verdict(null, "not a plan");
            }
        } else {
            if (c.has(Category.HYPOTHETICAL)) {
                return new Verdict(null, "hypothetical (" + c.cue(Category.HYPOTHETICAL) + ")");
            }
            if (c.has(Category.FUTURE) && !(fixed != null && "current".equals(when))) {
                return new Verdict(null, "planned, not found (" + c.cue(Category.FUTURE) + ")");
            }
            if ("current".equals(when) && c.has(Category.HISTORICAL)) {
                return new Verdict(null, "history, not current (" + c.cue(Category.HISTORICAL) + ")");
            }
        }
        if (fixed != null) {
            return new Verdict(fixed, null);
        }
        if (c.has(Category.NEGATION)) {
            return new Verdict("absent", null);
        }
        if (c.has(Category.UNCERTAIN)) {
            return new Verdict("uncertain", null);
        }
        return new Verdict("present", null);
    }
}
