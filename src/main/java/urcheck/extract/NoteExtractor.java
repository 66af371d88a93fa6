package urcheck.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import urcheck.casefile.CaseFileReader;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;

/**
 * Reads records (progress notes, requests for authorization, review decisions) into a draft case file:
 * each sentence in its section, each fact with its ConText status, every fact with its quote. The draft is
 * read back through the case-file reader; anything it refuses is left out (and listed), so what comes out
 * always checks. Thread-safe: no state outlives a call.
 */
public final class NoteExtractor {

    /** The case-file format's limit on items. */
    private static final int MAX_ITEMS = 50;

    private final Lexicon lexicon;

    public NoteExtractor() {
        this(Lexicon.builtIn());
    }

    private NoteExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** An extractor reading by the lexicon in {@code dir} (a rules/lexicon/ folder being edited). */
    public static NoteExtractor withLexicon(Path dir) throws IOException {
        return new NoteExtractor(Lexicon.from(dir));
    }

    /**
     * @param records             the record's files, as one case (a request and the notes behind it)
     * @param caseId              the case id to give the draft
     * @param defaultJurisdiction what to use when the text does not say (flagged for review)
     * @param reader              the case-file reader the draft must satisfy
     */
    public Extraction extract(List<RecordText> records, String caseId, String defaultJurisdiction, CaseFileReader reader)
            throws NoRequestException {
        ContextRules context = new ContextRules(lexicon);
        Quantities quantities = new Quantities(lexicon);
        Segmenter segmenter = new Segmenter(lexicon);
        FindingReader findings = new FindingReader(lexicon, context);
        CareReader care = new CareReader(lexicon, context, quantities);
        ProcedureReader procedures = new ProcedureReader(lexicon, context, quantities);
        RequestReader requests = new RequestReader(lexicon, context, quantities);
        Found found = new Found();

        Map<RecordText, List<Sentence>> split = new LinkedHashMap<>();
        boolean decision = false;
        for (RecordText r : records) {
            List<Sentence> sentences = segmenter.split(r.text());
            split.put(r, sentences);
            decision |= sentences.stream().anyMatch(Sentence::disputedItem);
        }
        List<Object[]> requestSentences = new ArrayList<>();
        Map<String, Integer> regionCounts = new LinkedHashMap<>();
        for (var e : split.entrySet()) {
            RecordText r = e.getKey();
            DateReader dates = new DateReader(lexicon, quantities);
            for (Sentence s : e.getValue()) {
                if (s.section().skipped() || s.heading() || context.generic(r.text(), s)) {
                    continue;
                }
                if (s.disputedItem()) {
                    requests.readDisputedItem(r, s, found);
                    continue;
                }
                boolean request = requests.isRequest(r, s);
                if (request) {
                    if (decision) {
                        requestSentences.add(new Object[] {r, s});
                    } else {
                        requests.readRequest(r, s, found);
                    }
                }
                dates.read(r, s, request, found);
                findings.read(r, s, request || s.section() == Section.PLAN, found);
                care.read(r, s, request, found);
                procedures.read(r, s, request, found);
                for (Lexicon.Named reg : lexicon.regions) {
                    int n = reg.terms().find(r.text(), s.start(), s.end()).size();
                    if (n > 0) {
                        regionCounts.merge(reg.name(), n, Integer::sum);
                    }
                }
            }
        }
        if (decision) {
            linkDisputedItems(found);
            for (Found.Item item : found.items) {
                for (Object[] rs : requestSentences) {
                    requests.enrich((RecordText) rs[0], (Sentence) rs[1], item);
                }
            }
        }
        if (found.items.isEmpty()) {
            throw new NoRequestException(String.join(", ", records.stream().map(RecordText::file).toList()));
        }
        String jurisdiction = null;
        for (RecordText r : records) {
            if (jurisdiction == null) {
                jurisdiction = DateReader.jurisdiction(r.text());
            }
        }
        String recordRegion = regionCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        DraftBuilder builder = new DraftBuilder();
        ObjectNode draft = builder.build(found, caseId, jurisdiction == null ? defaultJurisdiction : jurisdiction,
                jurisdiction != null, recordRegion);
        List<Evidence> evidence = new ArrayList<>(builder.evidence);
        List<Problem> dropped = settle(draft, evidence, reader, caseId);
        if (!draft.has("items") || draft.get("items").isEmpty()) {
            throw new NoRequestException(String.join(", ", records.stream().map(RecordText::file).toList()));
        }
        ObjectNode ex = draft.putObject("extraction");
        ex.put("draft", true);
        ex.put("by", "urcheck extract");
        ArrayNode files = ex.putArray("files");
        records.forEach(r -> files.add(r.file()));
        ArrayNode ev = ex.putArray("evidence");
        evidence.forEach(x -> ev.add(x.toJson()));
        ArrayNode nf = ex.putArray("notFound");
        builder.notFound.forEach(nf::add);
        if (!found.leftOut.isEmpty()) {
            ArrayNode lo = ex.putArray("leftOut");
            found.leftOut.stream().limit(200).forEach(x -> lo.add(x.toJson()));
        }
        if (!dropped.isEmpty()) {
            ArrayNode d = ex.putArray("refused");
            dropped.forEach(p -> d.addObject().put("path", p.path()).put("problem", p.message()));
        }
        return new Extraction(draft, List.copyOf(evidence));
    }

    /** A decision's associated services (additional level, guidance, sedation) go with its primary procedure. */
    private static void linkDisputedItems(Found found) {
        Found.Item primary = null;
        for (Found.Item i : found.items) {
            if (!i.service.equals("other") && !List.of("additional_level", "imaging_guidance", "iv_sedation").contains(i.service)) {
                primary = i;
                break;
            }
        }
        List<Found.Item> orphans = new ArrayList<>();
        for (Found.Item i : found.items) {
            if (List.of("additional_level", "imaging_guidance", "iv_sedation").contains(i.service)) {
                if (primary == null) {
                    orphans.add(i);
                } else {
                    i.primary = primary;
                }
            }
        }
        found.items.removeAll(orphans);
    }

    /**
     * Reads the draft back as a case file; whatever the reader refuses (a level it cannot place, a region the
     * levels contradict) is taken out, until the draft reads. Returns what was taken out.
     */
    private static List<Problem> settle(ObjectNode draft, List<Evidence> evidence, CaseFileReader reader, String name) {
        List<Problem> dropped = new ArrayList<>();
        ArrayNode items = (ArrayNode) draft.get("items");
        if (items.size() > MAX_ITEMS) {
            // the case-file format takes 50; a record asking for more is cut, and says so
            while (items.size() > MAX_ITEMS) {
                items.remove(items.size() - 1);
                forget(evidence, "$.items[" + items.size() + "]");
            }
            dropped.add(new Problem("$.items", "more than " + MAX_ITEMS + " requested items; the first " + MAX_ITEMS + " are kept"));
        }
        for (int round = 0; round < 20; round++) {
            if (items.isEmpty()) {
                return dropped; // nothing left to check: the caller says there is no request
            }
            try {
                reader.read(name, (JsonNode) draft);
                return dropped;
            } catch (InvalidCaseFileException e) {
                boolean removed = false;
                for (Problem p : e.problems()) {
                    String gone = remove(draft, p.path());
                    if (gone != null) {
                        dropped.add(p);
                        forget(evidence, gone);
                        removed = true;
                    }
                }
                if (!removed) {
                    // the paths only: a problem's message can quote a value read from the note
                    throw new IllegalStateException("the draft case file does not read and cannot be repaired at "
                            + e.problems().stream().map(Problem::path).toList());
                }
            }
        }
        throw new IllegalStateException("the draft case file does not settle");
    }

    /** Drops the evidence of a removed part; evidence for later elements of its array moves up one. */
    static void forget(List<Evidence> evidence, String removed) {
        evidence.removeIf(x -> x.path().equals(removed) || x.path().startsWith(removed + ".") || x.path().startsWith(removed + "["));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*)\\[(\\d+)\\]$").matcher(removed);
        if (!m.matches()) {
            return;
        }
        String array = m.group(1) + "[";
        int k = Integer.parseInt(m.group(2));
        for (int i = 0; i < evidence.size(); i++) {
            Evidence x = evidence.get(i);
            if (x.path().startsWith(array)) {
                int close = x.path().indexOf(']', array.length());
                String idx = close < 0 ? "" : x.path().substring(array.length(), close);
                if (idx.matches("\\d+") && Integer.parseInt(idx) > k) {
                    evidence.set(i, x.at(array + (Integer.parseInt(idx) - 1) + x.path().substring(close)));
                }
            }
        }
    }

    /** Removes the node at "$.items[0].levels" (an item without which nothing works goes whole); returns the path removed, or null. */
    static String remove(ObjectNode root, String path) {
        if (!path.startsWith("$.")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : path.substring(2).split("\\.")) {
            int b = p.indexOf('[');
            if (b >= 0) {
                parts.add(p.substring(0, b));
                for (String idx : p.substring(b + 1).split("\\]\\[?")) {
                    if (!idx.isEmpty()) {
                        parts.add("#" + idx.replace("]", ""));
                    }
                }
            } else {
                parts.add(p);
            }
        }
        if (parts.size() >= 3 && parts.get(0).equals("items") && List.of("region", "service", "primaryItem", "id").contains(parts.get(2))) {
            parts = parts.subList(0, 2); // an item with no region or service cannot be checked: leave it out
        }
        JsonNode node = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            String p = parts.get(i);
            node = p.startsWith("#") ? node.path(Integer.parseInt(p.substring(1))) : node.path(p);
        }
        String last = parts.get(parts.size() - 1);
        if (last.startsWith("#") && node.isArray()) {
            int idx = Integer.parseInt(last.substring(1));
            if (idx < node.size()) {
                ((ArrayNode) node).remove(idx);
                return pathOf(parts);
            }
        } else if (node.isObject() && node.has(last)) {
            ((ObjectNode) node).remove(last);
            return pathOf(parts);
        }
        return null;
    }

    private static String pathOf(List<String> parts) {
        StringBuilder b = new StringBuilder("$");
        for (String p : parts) {
            b.append(p.startsWith("#") ? "[" + p.substring(1) + "]" : "." + p);
        }
        return b.toString();
    }
}
