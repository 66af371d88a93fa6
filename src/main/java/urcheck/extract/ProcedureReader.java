package urcheck.extract;

import java.util.ArrayList;
import java.util.List;
import urcheck.extract.Lexicon.Category;

/**
 * Earlier spinal procedures and what they did: relief in percent ("80 to 90%" is 80) or in words, how
 * long, the anesthetic, and functional change. A procedure named in a request or a plan is not an
 * earlier one. Relief or functional change said in a sentence that names no procedure belongs, at best, to
 * the one last named (or the last that helped): the draft says so and asks for a look.
 */
final class ProcedureReader {

    private static final java.util.regex.Pattern RELIEF = java.util.regex.Pattern.compile(
            "(?i)\\b(relief|benefit|analgesia|improvement|reduction|better)\\b");

    private final Lexicon lexicon;
    private final ContextRules context;
    private final Quantities quantities;

    ProcedureReader(Lexicon lexicon, ContextRules context, Quantities quantities) {
        this.lexicon = lexicon;
        this.context = context;
        this.quantities = quantities;
    }

    void read(RecordText r, Sentence s, boolean request, Found found) {
        String text = r.text();
        List<Found.Procedure> here = new ArrayList<>();
        if (!request && !s.disputedItem()) {
            List<Span> used = new ArrayList<>();
            for (Lexicon.Named p : lexicon.procedures) {
                for (Span h : p.terms().find(text, s.start(), s.end())) {
                    if (used.stream().anyMatch(h::overlaps)) {
                        continue;
                    }
                    used.add(h);
                    Context c = context.assess(text, s, h.start(), h.end());
                    if (c.has(Category.FUTURE) || c.has(Category.HYPOTHETICAL) || c.has(Category.NEGATION)
                            || c.has(Category.OTHER_PERSON) || c.has(Category.GENERIC) || c.has(Category.NOT_DOCUMENTED)
                            || c.has(Category.RULE_OUT)) {
                        continue;
                    }
                    boolean past = lexicon.pastCues.in(text, s.start(), s.end()) || c.has(Category.HISTORICAL)
                            || s.section() == Section.PAST_HISTORY || s.section() == Section.HISTORY;
                    if (!past) {
                        continue;
                    }
                    Mention m = new Mention(r, s, h.start(), h.end(), c);
                    Found.Procedure proc = merge(found, p.name(), m, text, s);
                    if (!here.contains(proc)) {
                        here.add(proc);
                    }
                }
            }
        }
        Mention whole = new Mention(r, s, s.start(), s.end(), new Context(new java.util.EnumMap<>(Category.class)));
        Found.Procedure target = here.isEmpty() ? null : here.get(here.size() - 1);
        boolean borrowed = false;
        boolean reliefWords = relief(text, s) != null || quantities.percent(text, s.start(), s.end()) != null;
        if (target == null && !request && reliefWords && !found.procedures.isEmpty()
                && !lexicon.care.stream().anyMatch(c -> c.terms().in(text, s.start(), s.end()))) {
            target = found.lastProcedure;
            borrowed = true;
        }
        if (target != null) {
            results(text, s, target, whole, borrowed ? "said in a sentence that names no procedure; taken as the one last named" : null);
        }
        functionalChange(text, s, request, found, here, whole);
    }

    /** One procedure per kind, unless the dates differ: later mentions add what the first did not say. */
    private Found.Procedure merge(Found found, String type, Mention m, String text, Sentence s) {
        List<Quantities.Found<String>> dates = quantities.dates(text, s.start(), s.end());
        String date = dates.isEmpty() ? null : dates.get(0).value();
        String region = region(text, s);
        for (Found.Procedure p : found.procedures) {
            if (p.type.equals(type) && (date == null || p.date == null || p.date.value().startsWith(date) || date.startsWith(p.date.value()))
                    && (region == null || p.region == null || p.region.value().equals(region))) {
                fill(p, m, date, region, text, s);
                found.lastProcedure = p;
                return p;
            }
        }
        Found.Procedure p = new Found.Procedure(type, m);
        fill(p, m, date, region, text, s);
        found.procedures.add(p);
        found.lastProcedure = p;
        return p;
    }

    private void fill(Found.Procedure p, Mention m, String date, String region, String text, Sentence s) {
        if (p.date == null && date != null) {
            p.date = new Found.Field<>(date, m, null);
        }
        if (p.region == null && region != null) {
            p.region = new Found.Field<>(region, m, null);
        }
        String levels = LevelText.in(text, s.start(), s.end());
        if (p.levels == null && levels != null) {
            p.levels = new Found.Field<>(levels, m, null);
        }
        for (Lexicon.Named a : lexicon.anesthetics) {
            if (p.anesthetic == null && a.terms().in(text, s.start(), s.end())) {
                p.anesthetic = new Found.Field<>(a.name(), m, null);
            }
        }
    }

    private String region(String text, Sentence s) {
        for (Lexicon.Named r : lexicon.regions) {
            if (r.terms().in(text, s.start(), s.end())) {
                return r.name();
            }
        }
        return null;
    }

    private String relief(String text, Sentence s) {
        // longest words first across kinds: "no lasting relief" is none, not "relief"
        String best = null;
        int bestLength = 0;
        for (Lexicon.Named q : lexicon.qualitativeRelief) {
            for (Span h : q.terms().find(text, s.start(), s.end())) {
                if (h.length() > bestLength) {
                    best = q.name();
                    bestLength = h.length();
                }
            }
        }
        return best;
    }

    private void results(String text, Sentence s, Found.Procedure p, Mention m, String why) {
        Quantities.Found<Double> pct = quantities.percent(text, s.start(), s.end());
        if (pct == null) {
            pct = quantities.percentFromScores(text, s.start(), s.end());
            if (pct != null && p.reliefPercent == null) {
                p.reliefPercent = new Found.Field<>(pct.value(), m, "computed from the pain scores before and after");
                pct = null;
            }
        }
        if (pct != null && p.reliefPercent == null) {
            p.reliefPercent = new Found.Field<>(pct.value(), m, why);
        }
        Quantities.Found<Object[]> d = quantities.duration(text, s.start(), s.end());
        if (d != null && p.reliefDuration == null && (pct != null || relief(text, s) != null
                || RELIEF.matcher(text.substring(s.start(), s.end())).find())) {
            p.reliefDuration = new Found.Field<>(new double[] {(Double) d.value()[0]}, m, why);
            p.durationUnit = new Found.Field<>((String) d.value()[1], m, why);
        }
        String q = relief(text, s);
        if (q != null && p.qualitativeRelief == null) {
            p.qualitativeRelief = new Found.Field<>(q, m, why);
        }
    }

    private void functionalChange(String text, Sentence s, boolean request, Found found, List<Found.Procedure> here, Mention m) {
        if (request) {
            return;
        }
        for (Lexicon.Named f : lexicon.functionalChange) {
            for (Span h : f.terms().find(text, s.start(), s.end())) {
                Context c = context.assess(text, s, h.start(), h.end());
                if (c.has(Category.NOT_DOCUMENTED) || c.has(Category.FUTURE) || c.has(Category.HYPOTHETICAL)
                        || c.has(Category.OTHER_PERSON) || c.has(Category.GENERIC)) {
                    continue;
                }
                Found.Procedure target = here.isEmpty() ? null : here.get(here.size() - 1);
                String why = null;
                if (target == null) {
                    if (lexicon.care.stream().anyMatch(cr -> cr.terms().in(text, s.start(), s.end()))) {
                        continue; // said of conservative care, read there
                    }
                    for (int i = found.procedures.size() - 1; i >= 0 && target == null; i--) {
                        if (found.procedures.get(i).positive()) {
                            target = found.procedures.get(i);
                        }
                    }
                    why = "said in a sentence that names no procedure; taken as the effect of the last procedure that helped";
                }
                if (target != null && !target.functionalChange.containsKey(f.name())) {
                    Mention fm = new Mention(m.record(), s, h.start(), h.end(), c);
                    target.functionalChange.put(f.name(), new Found.Field<>(c.has(Category.NEGATION) ? "absent" : "present", fm, why));
                }
                break;
            }
        }
    }
}
