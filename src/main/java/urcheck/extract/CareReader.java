package urcheck.extract;

import java.util.ArrayList;
import java.util.List;
import urcheck.extract.Lexicon.Category;

/**
 * Conservative care tried: its kind, weeks, visits and response. "No improvement with PT" is PT that
 * failed, not PT absent: a negation reaches the treatment only when it stands right before it ("no PT",
 * "has not had physical therapy") with no response words between.
 */
final class CareReader {

    private static final java.util.regex.Pattern ALL_CARE = java.util.regex.Pattern.compile(
            "(?i)\\b(treatments?|conservative (care|treatment|therapy|measures|management)|therapies|these)\\b");

    private final Lexicon lexicon;
    private final ContextRules context;
    private final Quantities quantities;

    CareReader(Lexicon lexicon, ContextRules context, Quantities quantities) {
        this.lexicon = lexicon;
        this.context = context;
        this.quantities = quantities;
    }

    void read(RecordText r, Sentence s, boolean request, Found found) {
        String text = r.text();
        List<Span> used = new ArrayList<>();
        List<Found.Care> here = new ArrayList<>();
        List<Span[]> all = new ArrayList<>();
        for (Lexicon.Named care : lexicon.care) {
            for (Span h : care.terms().find(text, s.start(), s.end())) {
                all.add(new Span[] {h, new Span(lexicon.care.indexOf(care), 0)});
            }
        }
        all.sort((a, b) -> b[0].length() != a[0].length() ? b[0].length() - a[0].length() : a[0].start() - b[0].start());
        for (Span[] a : all) {
            Span h = a[0];
            if (used.stream().anyMatch(h::overlaps)) {
                continue;
            }
            used.add(h);
            String modality = lexicon.care.get(a[1].start()).name();
            Context c = context.assess(text, s, h.start(), h.end());
            Mention m = new Mention(r, s, h.start(), h.end(), c);
            if (c.has(Category.OTHER_PERSON) || c.has(Category.GENERIC) || c.has(Category.HYPOTHETICAL)
                    || c.has(Category.NOT_DOCUMENTED) || c.has(Category.RULE_OUT)) {
                continue;
            }
            boolean tried = lexicon.careCues.in(text, s.start(), s.end()) || c.has(Category.HISTORICAL);
            if (request && !c.has(Category.HISTORICAL) || c.has(Category.FUTURE) && !tried) {
                continue; // a plan or the request itself, not care already tried
            }
            if (c.has(Category.NEGATION) && negatedRightBefore(text, s, h)) {
                continue; // "no PT", "has not had chiropractic": not tried, so not listed
            }
            Found.Care care = new Found.Care(modality, m);
            response(text, s, h, m, care);
            Quantities.Found<Integer> w = quantities.weeks(text, s.start(), s.end(), h.end());
            if (w != null && w.start() >= h.start() - 40 && w.start() <= h.end() + 60) {
                care.weeks = new Found.Field<>(w.value(), m, null);
            }
            Quantities.Found<Integer> v = quantities.visits(text, Math.max(s.start(), h.start() - 30), Math.min(s.end(), h.end() + 40));
            if (v != null && (modality.equals("physical_therapy") || modality.equals("chiropractic") || modality.equals("massage"))) {
                care.visits = new Found.Field<>(v.value(), m, null);
            }
            if (lexicon.functionAbsent.in(text, s.start(), s.end())) {
                care.functionalImprovement = new Found.Field<>("absent", m, null);
            } else {
                for (Span f : lexicon.functionPresent.find(text, s.start(), s.end())) {
                    Context fc = context.assess(text, s, f.start(), f.end());
                    care.functionalImprovement = new Found.Field<>(fc.has(Category.NEGATION) ? "absent" : "present", m, null);
                    break;
                }
            }
            here.add(care);
        }
        if (here.isEmpty() && ALL_CARE.matcher(s.raw(text)).find()) {
            // "there had not been much improvement with the treatments provided": the care listed so far
            String resp = responseWord(text, s);
            Span said = lexicon.failed.find(text, s.start(), s.end()).stream().findFirst().orElse(null);
            if (said != null) {
                Context fc = context.assess(text, s, said.start(), said.end());
                if (fc.has(Category.NOT_DOCUMENTED) || fc.has(Category.HYPOTHETICAL) || fc.has(Category.OTHER_PERSON)) {
                    resp = null;
                }
            }
            if (resp != null) {
                for (Found.Care c : found.care) {
                    if (c.response == null) {
                        c.response = new Found.Field<>(resp, new Mention(r, s, s.start(), s.end(), new Context(new java.util.EnumMap<>(Category.class))),
                                "the response is said of all the treatments, not of this one by name");
                    }
                }
            }
        }
        found.care.addAll(here);
    }

    private boolean negatedRightBefore(String text, Sentence s, Span h) {
        int from = Math.max(s.start(), h.start() - 40);
        String before = text.substring(from, h.start());
        if (lexicon.failed.in(text, from, h.start()) || lexicon.helped.in(text, from, h.start())) {
            return false;
        }
        for (Span n : lexicon.before.get(Category.NEGATION).find(text, from, h.start())) {
            if (ContextRules.words(text, n.end(), h.start()) <= 3) {
                return true;
            }
        }
        return before.isEmpty() && false;
    }

    private void response(String text, Sentence s, Span h, Mention m, Found.Care care) {
        Span failed = nearest(lexicon.failed.find(text, s.start(), s.end()), h);
        Span helped = nearest(lexicon.helped.find(text, s.start(), s.end()), h);
        if (helped != null && failed != null && helped.overlaps(failed)) {
            helped = null;
        }
        if (helped != null && context.assess(text, s, helped.start(), helped.end()).has(Category.NEGATION)) {
            failed = helped; // "did not help", "not effective"
            helped = null;
        }
        String r;
        if (failed != null && (helped == null || distance(failed, h) <= distance(helped, h))) {
            r = "failed";
        } else if (helped != null) {
            r = "helped";
        } else {
            return;
        }
        care.response = new Found.Field<>(r, m, null);
    }

    private String responseWord(String text, Sentence s) {
        if (lexicon.failed.in(text, s.start(), s.end())) {
            return "failed";
        }
        return null;
    }

    private static Span nearest(List<Span> spans, Span h) {
        Span best = null;
        for (Span sp : spans) {
            if (best == null || distance(sp, h) < distance(best, h)) {
                best = sp;
            }
        }
        return best;
    }

    private static int distance(Span a, Span b) {
        return a.end() <= b.start() ? b.start() - a.end() : Math.max(0, a.start() - b.end());
    }
}
