package urcheck.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import urcheck.extract.Lexicon.Category;

/**
 * The requested items, from a review decision's disputed items ("Cervical medial branch neurotomy at
 * bilateral C2 C3 C4: Overturned", one item each) or else from the request sentences of a note
 * ("Request bilateral L4-5, L5-S1 facet joint injection under fluoroscopy with IV sedation": a primary item
 * and two associated services). Levels, side, series, visits and purpose come from the request's words.
 */
final class RequestReader {

    /** "once a month for three months", "1 time weekly for 4 weeks", "twice a week x 6 weeks". */
    private static final Pattern FREQUENCY = Pattern.compile(
            "(?<![\\w])(once|twice|thrice|one|two|three|four|\\d{1,2})(?:\\s*\\(\\d{1,2}\\))?\\s*(?:times?\\s*|x\\s*)?"
                    + "(?:(?:a|per|each|every|/)\\s*)?(week|wk|month|mo|weekly|monthly)\\b"
                    + "\\s*,?\\s*(?:for|x|over|times)\\s*(?:the\\s+next\\s+)?(one|two|three|four|five|six|eight|ten|twelve|\\d{1,2})(?:\\s*\\(\\d{1,2}\\))?\\s*(weeks|wks|months|mos)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SERIES = Pattern.compile(
            "(?i)\\bseries\\s+of\\s+(two|three|four|\\d)\\b|(?<![\\w])(?:x\\s*|#\\s*)(\\d)(?![\\w%])(?!\\s*(?:wk|week|month|day|hour|mo))");
    private static final Pattern QUANTITY_VISITS = Pattern.compile(
            "(?i)(?:quantity|qty)\\s*:?\\s*(\\d{1,3})|(?<![\\w/])(\\d{1,3})\\s+(?:visits|sessions)\\b");
    private static final Pattern SET = Pattern.compile("(?i)\\b(second|2nd|third|3rd)\\s+set\\b");

    private final Lexicon lexicon;
    private final ContextRules context;
    private final Quantities quantities;

    RequestReader(Lexicon lexicon, ContextRules context, Quantities quantities) {
        this.lexicon = lexicon;
        this.context = context;
        this.quantities = quantities;
    }

    /** Whether a sentence asks for something ("requesting", "Plan: ... RFA") rather than reporting it. */
    boolean isRequest(RecordText r, Sentence s) {
        String text = r.text();
        if (s.disputedItem()) {
            return true;
        }
        if (lexicon.requestNotCues.in(text, s.start(), s.end())) {
            return false;
        }
        boolean cue = lexicon.requestCues.in(text, s.start(), s.end()) || s.section() == Section.PLAN;
        return cue && !services(r, s, s.start(), s.end()).isEmpty();
    }

    record ServiceHit(String service, Span span) {
    }

    /** The services named in {@code [from,to)}, longest words first, in reading order; hypothetical ones left out. */
    List<ServiceHit> services(RecordText r, Sentence s, int from, int to) {
        String text = r.text();
        List<ServiceHit> all = new ArrayList<>();
        for (Lexicon.Named sv : lexicon.services) {
            for (Span h : sv.terms().find(text, from, to)) {
                all.add(new ServiceHit(sv.name(), h));
            }
        }
        all.sort((a, b) -> b.span().length() != a.span().length() ? b.span().length() - a.span().length() : a.span().start() - b.span().start());
        List<ServiceHit> kept = new ArrayList<>();
        for (ServiceHit h : all) {
            if (kept.stream().noneMatch(k -> k.span().overlaps(h.span()))) {
                Context c = context.assess(text, s, h.span().start(), h.span().end());
                if (!s.disputedItem() && (c.has(Category.HYPOTHETICAL) || c.has(Category.NEGATION) || c.has(Category.NOT_DOCUMENTED)
                        || c.has(Category.OTHER_PERSON) || c.has(Category.GENERIC) || c.has(Category.HISTORICAL))) {
                    continue;
                }
                kept.add(h);
            }
        }
        kept.sort((a, b) -> a.span().start() - b.span().start());
        return kept;
    }

    /** Items from one disputed item of a decision: one item, whatever its words name. */
    void readDisputedItem(RecordText r, Sentence s, Found found) {
        String text = r.text();
        int end = s.end();
        for (Span d : lexicon.decisionWords.find(text, s.start(), s.end())) {
            end = d.start();
        }
        int e = Segmenter.prevNonSpace(text, end);
        if (e >= s.start() && text.charAt(e) == ':') {
            end = e;
        }
        String request = text.substring(s.start(), end).replaceAll("\\s+", " ").strip();
        List<ServiceHit> hits = services(r, s, s.start(), end);
        String service = "other";
        ServiceHit chosen = null;
        for (ServiceHit h : hits) {
            if (chosen == null || rank(h.service()) < rank(chosen.service())) {
                chosen = h;
            }
        }
        if (chosen != null) {
            service = chosen.service();
        }
        Mention m = new Mention(r, s, s.start(), end, context.assess(text, s, s.start(), end));
        Found.Item item = new Found.Item(service, m, request);
        attributes(r, s, s.start(), end, item, m);
        found.items.add(item);
    }

    /** Items from a request sentence of a note. */
    void readRequest(RecordText r, Sentence s, Found found) {
        String text = r.text();
        List<ServiceHit> hits = services(r, s, s.start(), s.end());
        List<Found.Item> primaries = new ArrayList<>();
        List<ServiceHit> associated = new ArrayList<>();
        ServiceHit previous = null;
        for (ServiceHit h : hits) {
            if (lexicon.associatedServices.contains(h.service())) {
                associated.add(h);
                continue;
            }
            if (!primaries.isEmpty()) {
                Found.Item last = primaries.get(primaries.size() - 1);
                // "facet RFA": the bare word facet names the joint the neurotomy is for, not a second item
                if (h.service().equals("facet_joint_injection") && text.substring(h.span().start(), h.span().end()).toLowerCase(Locale.ROOT).startsWith("facet")
                        && h.span().end() - h.span().start() <= 6 || h.service().equals(last.service)) {
                    continue;
                }
                if (last.service.equals("facet_joint_injection") && h.span().start() - previous.span().end() <= 12
                        && !alternative(text, previous.span().end(), h.span().start())) {
                    primaries.remove(last);
                    found.items.remove(last);
                }
            }
            Mention m = new Mention(r, s, h.span().start(), h.span().end(), context.assess(text, s, h.span().start(), h.span().end()));
            Found.Item item = new Found.Item(h.service(), m, s.quote(text));
            attributes(r, s, s.start(), s.end(), item, m);
            if (previous != null && !primaries.isEmpty() && alternative(text, previous.span().end(), h.span().start())) {
                item.alternativeTo = primaries.get(primaries.size() - 1);
            }
            primaries.add(item);
            found.items.add(item);
            previous = h;
        }
        Found.Item primary = !primaries.isEmpty() ? primaries.get(0) : lastPrimary(found);
        if (primary == null) {
            return;
        }
        for (ServiceHit h : associated) {
            if (found.items.stream().anyMatch(i -> i.service.equals(h.service()) && i.primary == primary)) {
                continue;
            }
            Mention m = new Mention(r, s, h.span().start(), h.span().end(), context.assess(text, s, h.span().start(), h.span().end()));
            Found.Item item = new Found.Item(h.service(), m, text.substring(h.span().start(), h.span().end()).replaceAll("\\s+", " "));
            item.primary = primary;
            found.items.add(item);
        }
    }

    /** What a request sentence elsewhere in the record adds to a disputed item of the same service (a repeat, a series). */
    void enrich(RecordText r, Sentence s, Found.Item item) {
        List<ServiceHit> hits = services(r, s, s.start(), s.end());
        // a facet injection the disputed item does not qualify may be called "therapeutic" elsewhere
        if (hits.stream().anyMatch(h -> h.service().equals(item.service)
                || item.service.equals("facet_joint_injection") && h.service().equals("therapeutic_facet_injection"))) {
            Mention m = new Mention(r, s, s.start(), s.end(), context.assess(r.text(), s, s.start(), s.end()));
            attributes(r, s, s.start(), s.end(), item, m, "said of the request elsewhere in the record, not in the item's own words");
        }
    }

    private static Found.Item lastPrimary(Found found) {
        for (int i = found.items.size() - 1; i >= 0; i--) {
            if (found.items.get(i).primary == null && !found.items.get(i).service.equals("other")) {
                return found.items.get(i);
            }
        }
        return null;
    }

    private boolean alternative(String text, int from, int to) {
        String between = text.substring(from, Math.max(from, to)).toLowerCase(Locale.ROOT);
        return between.matches(".*\\b(or|versus|vs\\.?|alternatively)\\b.*");
    }

    private static int rank(String service) {
        return switch (service) {
            case "facet_radiofrequency_neurotomy" -> 0;
            case "therapeutic_facet_injection" -> 1;
            case "diagnostic_medial_branch_block" -> 2;
            case "facet_joint_injection" -> 3;
            case "massage_therapy" -> 4;
            case "additional_level" -> 5;
            case "imaging_guidance" -> 6;
            case "iv_sedation" -> 7;
            default -> 8;
        };
    }

    private void attributes(RecordText r, Sentence s, int from, int to, Found.Item item, Mention m) {
        attributes(r, s, from, to, item, m, null);
    }

    private void attributes(RecordText r, Sentence s, int from, int to, Found.Item item, Mention m, String why) {
        String text = r.text();
        if (lexicon.associatedServices.contains(item.service)) {
            return;
        }
        String levels = LevelText.in(text, from, to);
        item.put("levels", levels, m, why);
        for (Lexicon.Named reg : lexicon.regions) {
            if (reg.terms().in(text, from, to)) {
                item.put("region", reg.name(), m, why);
                break;
            }
        }
        String side = null;
        for (Lexicon.Named l : lexicon.laterality) {
            if (l.terms().in(text, from, to)) {
                side = side == null ? l.name() : side.equals("bilateral") ? side : "bilateral";
                if (l.name().equals("bilateral")) {
                    side = "bilateral";
                }
            }
        }
        item.put("laterality", side, m, why);
        if (lexicon.stagedWords.in(text, from, to)) {
            item.put("stagedSides", Boolean.TRUE, m, why);
            item.fields.remove("laterality");
            item.put("laterality", "bilateral", m, why);
        }
        Matcher f = FREQUENCY.matcher(text);
        f.region(from, to);
        if (f.find()) {
            Integer per = quantities.number(f.group(1));
            Integer span = quantities.number(f.group(3));
            String unitA = f.group(2).toLowerCase(Locale.ROOT).startsWith("w") ? "w" : "m";
            String unitB = f.group(4).toLowerCase(Locale.ROOT).startsWith("w") ? "w" : "m";
            String written = f.group().replaceAll("\\s*\\(\\d{1,2}\\)", "").replaceAll("\\s+", " ");
            item.put("frequency", written, m, why);
            if (per != null && span != null) {
                int count = unitA.equals(unitB) ? per * span : unitA.equals("w") ? per * span * 4 : per * Math.max(1, span / 4);
                if (item.service.equals("massage_therapy")) {
                    item.put("visits", count, m, why);
                } else if (count > 1) {
                    item.put("sessions", count, m, why);
                }
            }
        }
        if (item.service.equals("massage_therapy")) {
            Matcher q = QUANTITY_VISITS.matcher(text);
            q.region(from, to);
            if (q.find()) {
                item.fields.remove("visits");
                item.put("visits", Integer.parseInt(q.group(1) != null ? q.group(1) : q.group(2)), m, why);
            }
        } else {
            Matcher se = SERIES.matcher(text);
            se.region(from, to);
            if (se.find()) {
                Integer n = quantities.number(se.group(1) != null ? se.group(1) : se.group(2));
                if (n != null && n > 1) {
                    item.put("sessions", n, m, why);
                }
            }
        }
        for (Lexicon.Named p : lexicon.purposes) {
            if (p.terms().in(text, from, to)) {
                item.put("purpose", p.name(), m, why);
                break;
            }
        }
        if (item.service.equals("facet_radiofrequency_neurotomy") && lexicon.repeatWords.in(text, from, to)) {
            item.put("repeat", Boolean.TRUE, m, why);
        }
        Matcher set = SET.matcher(text);
        set.region(from, to);
        if (set.find()) {
            item.put("set", set.group(1).toLowerCase(Locale.ROOT).startsWith("s") || set.group(1).startsWith("2") ? 2 : 3, m, why);
        }
    }
}
