package urcheck.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Clinical findings, plan facts and diagnoses, each with its ConText status (facts.json "findings", "diagnoses"). */
final class FindingReader {

    private static final Pattern ICD10 = Pattern.compile("(?<![\\w.])([A-TV-Z]\\d[0-9AB]\\.[0-9A-Z]{1,4})(?![\\w.])");

    private static final Pattern VOLUME = Pattern.compile("(?<![\\w.])(\\d{0,2}\\.\\d{1,2}|\\d{1,2})\\s*(?:cc|ml|mls|milliliters?)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Lexicon lexicon;
    private final ContextRules context;

    FindingReader(Lexicon lexicon, ContextRules context) {
        this.lexicon = lexicon;
        this.context = context;
    }

    void read(RecordText r, Sentence s, boolean planned, Found found) {
        String text = r.text();
        for (Lexicon.FindingSpec spec : lexicon.findings) {
            List<Span> hits = spec.terms().find(text, s.start(), s.end());
            if (hits.isEmpty()) {
                continue;
            }
            if (!spec.requires().isEmpty() && !spec.requires().in(text, s.start(), s.end())) {
                continue;
            }
            if (!spec.unless().isEmpty() && spec.unless().in(text, s.start(), s.end())) {
                continue;
            }
            // the first mention that documents something speaks for the sentence
            for (Span h : hits) {
                Mention m = new Mention(r, s, h.start(), h.end(), context.assess(text, s, h.start(), h.end()));
                Statuses.Verdict v = Statuses.of(m.context(), spec.when(), spec.status(), planned);
                if (v.status() == null) {
                    if (!"not a plan".equals(v.leftOut()) && !v.leftOut().startsWith("planned")) {
                        found.leftOut.add(Evidence.of("$." + spec.fact(), "left out", m, v.leftOut()));
                    }
                    continue;
                }
                if (spec.fact().equals("plan.neurotomyPlanned") && planned && !m.context().has(Lexicon.Category.HYPOTHETICAL)) {
                    continue; // the neurotomy asked for now is the item, not a next step planned
                }
                if (spec.onlyAbsent() && !"absent".equals(v.status())) {
                    continue;
                }
                String levels = DraftBuilder.LEVELLED.contains(spec.fact()) ? LevelText.in(text, s.start(), s.end()) : null;
                found.finding(spec.fact(), v.status(), levels, m);
                break;
            }
        }
        diagnoses(r, s, found);
        injectate(r, s, planned, found);
    }

    /** "0.5 cc per joint", "0.3 mL of bupivacaine at each level": the planned volume, when the plan states it. */
    private void injectate(RecordText r, Sentence s, boolean planned, Found found) {
        String text = r.text();
        if (found.injectate != null || !lexicon.injectateCues.in(text, s.start(), s.end())) {
            return;
        }
        Matcher m = VOLUME.matcher(text);
        m.region(s.start(), s.end());
        if (!m.find()) {
            return;
        }
        Mention mention = new Mention(r, s, m.start(), m.end(), context.assess(text, s, m.start(), m.end()));
        boolean plan = planned || mention.context().has(Lexicon.Category.FUTURE);
        double cc = Double.parseDouble(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
        if (plan && cc > 0 && cc <= 20 && !mention.context().has(Lexicon.Category.HISTORICAL)) {
            found.injectate = new Found.Field<>(cc, mention, null);
        }
    }

    private void diagnoses(RecordText r, Sentence s, Found found) {
        String text = r.text();
        boolean diagnosisSentence = s.section() == Section.ASSESSMENT || lexicon.diagnosisCues.in(text, s.start(), s.end());
        if (!diagnosisSentence) {
            return;
        }
        List<Span> codes = new ArrayList<>();
        Matcher m = ICD10.matcher(text);
        m.region(s.start(), s.end());
        while (m.find()) {
            codes.add(new Span(m.start(1), m.end(1)));
        }
        List<Span> used = new ArrayList<>();
        for (Lexicon.Named d : lexicon.diagnoses) {
            for (Span h : d.terms().find(text, s.start(), s.end())) {
                if (used.stream().anyMatch(h::overlaps)) {
                    continue;
                }
                used.add(h);
                Mention mention = new Mention(r, s, h.start(), h.end(), context.assess(text, s, h.start(), h.end()));
                Statuses.Verdict v = Statuses.of(mention.context(), "any", null, false);
                if (v.status() == null || "absent".equals(v.status())) {
                    continue;
                }
                String code = null;
                for (Span c : codes) {
                    // "lumbar radiculopathy (M54.16)" or "M54.16 lumbar radiculopathy": the code of this condition
                    if ((c.start() >= h.end() && c.start() - h.end() <= 4) || (c.end() <= h.start() && h.start() - c.end() <= 14)) {
                        code = text.substring(c.start(), c.end());
                        codes.remove(c);
                        break;
                    }
                }
                found.diagnoses.add(new Found.DiagnosisHit(code, d.name(), v.status(), mention));
            }
        }
        for (Span c : codes) {
            Mention mention = new Mention(r, s, c.start(), c.end(), context.assess(text, s, c.start(), c.end()));
            Statuses.Verdict v = Statuses.of(mention.context(), "any", null, false);
            if (v.status() != null && !"absent".equals(v.status())) {
                found.diagnoses.add(new Found.DiagnosisHit(text.substring(c.start(), c.end()), null, v.status(), mention));
            }
        }
    }
}
