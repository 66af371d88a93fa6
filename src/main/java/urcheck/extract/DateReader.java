package urcheck.extract;

import java.util.List;

/**
 * Date of injury ("date of injury 1/22/09", "industrial injury on 2-20-2014") and date of request: the date a
 * request form states, or else the date of the note the first request sentence is in ("In a progress note
 * dated 6-5-2015 ... The treating physician is requesting"), which the draft flags as inferred.
 */
final class DateReader {

    private final Lexicon lexicon;
    private final Quantities quantities;
    /** The date of the note being read, while sentences stay inside it. */
    private String noteDate;
    private Mention noteDateMention;
    private Section noteSection;

    DateReader(Lexicon lexicon, Quantities quantities) {
        this.lexicon = lexicon;
        this.quantities = quantities;
    }

    void read(RecordText r, Sentence s, boolean request, Found found) {
        String text = r.text();
        if (noteSection != null && s.section() != noteSection
                && (s.section() == Section.RATIONALE || s.section() == Section.DISPUTED_ITEMS || s.section() == Section.CASE_SUMMARY)) {
            noteDate = null;
        }
        List<Quantities.Found<String>> dates = quantities.dates(text, s.start(), s.end());
        Mention whole = new Mention(r, s, s.start(), s.end(), new Context(new java.util.EnumMap<>(Lexicon.Category.class)));
        if (!dates.isEmpty()) {
            for (Span cue : lexicon.injuryDateCues.find(text, s.start(), s.end())) {
                for (Quantities.Found<String> d : dates) {
                    if (d.start() >= cue.start() && d.start() - cue.end() <= 40) {
                        found.injuryDates.add(new Found.Field<>(d.value(), whole, null));
                        break;
                    }
                }
                break;
            }
            for (Span cue : lexicon.requestDateCues.find(text, s.start(), s.end())) {
                for (Quantities.Found<String> d : dates) {
                    if (d.start() >= cue.start() && d.start() - cue.end() <= 30) {
                        found.requestDates.add(0, new Found.Field<>(d.value(), whole, null));
                        break;
                    }
                }
                break;
            }
            boolean other = lexicon.otherDocumentCues.in(text, s.start(), s.end());
            boolean note = lexicon.noteDateCues.in(text, s.start(), s.end());
            if (other) {
                noteDate = null;
            } else if (note) {
                noteDate = dates.get(0).value();
                noteDateMention = whole;
                noteSection = s.section();
            }
        }
        if (request && noteDate != null && found.requestDates.isEmpty()) {
            found.requestDates.add(new Found.Field<>(noteDate, noteDateMention,
                    "the date of the note that asks for it (the text gives no date of request)"));
        }
    }

    /** California, Texas or other, when the record says (the MTUS and IMR are California's, an IRO is Texas's). */
    static String jurisdiction(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        boolean ca = t.contains("california") || t.contains("mtus") || t.contains("independent medical review")
                || t.contains("maximus") || t.contains("pr-2") || t.contains("8 ccr");
        boolean tx = t.contains("texas") || t.contains("independent review organization") || t.contains("tdi-dwc")
                || t.contains("28 tac");
        if (ca && !tx) {
            return "california";
        }
        if (tx && !ca) {
            return "texas";
        }
        return null;
    }
}
