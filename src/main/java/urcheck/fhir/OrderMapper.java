package urcheck.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import urcheck.casefile.Problem;
import urcheck.levels.LevelException;
import urcheck.levels.LevelParser;
import urcheck.levels.Levels;

/**
 * ServiceRequests -> case items: the service from the CPT code (or, without one, the order's words), the
 * purpose and type of a facet injection from the words, region, levels and laterality from the body
 * site and words, sessions or visits from quantity and occurrence timing, and for an add-on line
 * (additional level, fluoroscopic guidance, sedation) the primary procedure it goes with.
 */
final class OrderMapper {

    /** What an order is, before the words refine a facet injection into the case file's service types. */
    enum Kind {
        FACET_INJECTION, NEUROTOMY, MASSAGE, ADDITIONAL_LEVEL, IMAGING_GUIDANCE, IV_SEDATION, OTHER;

        boolean associated() {
            return this == ADDITIONAL_LEVEL || this == IMAGING_GUIDANCE || this == IV_SEDATION;
        }

        boolean spinalProcedure() {
            return this == FACET_INJECTION || this == NEUROTOMY;
        }
    }

    /** One order as mapped to a case item. */
    record MappedOrder(Located<ServiceRequest> order, String itemId, Kind kind, String cpt, ObjectNode item, int index) {
        String service() {
            return item.path("service").asText();
        }
    }

    private static final Pattern NEUROTOMY = Words.words("radio-?frequency|\\brf\\b|\\brfa\\b|neurotomy|rhizotomy|ablation|denervation");
    private static final Pattern FACET = Words.words("facet|zygapophys|medial[- ]branch|\\bmbbs?\\b");
    private static final Pattern MASSAGE = Words.words("massage");
    private static final Pattern IMAGING = Words.words("fluoro|image guid|imaging guid|ct guid|guidance");
    private static final Pattern SEDATION = Words.words("sedation|anesthesia|anaesthesia|\\bmac\\b");
    private static final Pattern LEVEL_LINE = Words.words("\\b(?:1st|2nd|3rd|first|second|third|each|ea\\.?|add'?l|additional)\\b.*\\blevels?\\b|\\blevels?\\b");
    private static final Pattern MEDIAL_BRANCH = Words.words("medial[- ]branch|\\bmbbs?\\b");
    private static final Pattern INTRA_ARTICULAR = Words.words("intra-?articular|\\bia\\b");
    private static final Pattern DIAGNOSTIC = Words.words("diagnostic");
    private static final Pattern THERAPEUTIC = Words.words("therapeutic");
    private static final Pattern REPEAT = Words.words("\\brepeat");
    private static final Pattern SESSION_UNITS = Words.words("session|injection|procedure|visit|treatment|\\{session\\}|\\{visit\\}");

    private final PatientRecord record;
    private final CaseDraft draft;
    private final CptTable cpt;

    OrderMapper(PatientRecord record, CaseDraft draft, CptTable cpt) {
        this.record = record;
        this.draft = draft;
        this.cpt = cpt;
    }

    List<MappedOrder> map() {
        List<MappedOrder> out = new ArrayList<>();
        ArrayNode items = draft.array("items");
        List<Located<ServiceRequest>> orders = record.orders();
        for (int i = 0; i < orders.size(); i++) {
            ObjectNode item = items.addObject();
            out.add(item(orders.get(i), i, item));
        }
        for (MappedOrder m : out) {
            if (m.kind.associated()) {
                associate(m, out);
            }
        }
        return out;
    }

    private MappedOrder item(Located<ServiceRequest> at, int index, ObjectNode item) {
        ServiceRequest sr = at.resource();
        String path = "$.items[" + index + "]";
        draft.provenance.put(path, at.path());
        String id = sr.getIdElement().getIdPart();
        String itemId = id == null ? "order-" + (index + 1) : id;
        item.put("id", itemId);

        List<String> codeWords = Words.of(sr.getCode(), false);
        List<String> siteWords = Words.of(sr.getBodySite(), true);
        List<String> otherWords = new ArrayList<>();
        otherWords.addAll(Words.of(sr.getReasonCode(), true));
        otherWords.addAll(Words.of(sr.getOrderDetail(), true));
        otherWords.addAll(Words.notes(sr.getNote()));
        if (sr.hasPatientInstruction()) {
            otherWords.add(sr.getPatientInstruction());
        }
        String what = Words.lower(concat(codeWords, siteWords));
        String all = Words.lower(concat(codeWords, siteWords, otherWords));

        String cptCode = cpt.known(sr.getCode());
        Kind kind = cptCode != null ? cpt.get(cptCode).kind() : kindFromWords(what);

        String request = requestText(sr, codeWords, siteWords);
        if (request != null) {
            item.put("request", request);
        }
        if (!sr.hasCode() || (request == null && cptCode == null)) {
            draft.problems.add(new Problem(at.at("code"), "is required: the service requested, as a CPT code or in words"));
        }

        switch (kind) {
            case FACET_INJECTION -> {
                facetInjection(item, all);
                anatomy(at, item, path, cptCode, siteWords, codeWords, all);
                sessions(at, item, path, false);
            }
            case NEUROTOMY -> {
                item.put("service", "facet_radiofrequency_neurotomy");
                if (Words.find(all, REPEAT)) {
                    item.put("repeat", true);
                }
                anatomy(at, item, path, cptCode, siteWords, codeWords, all);
                sessions(at, item, path, false);
            }
            case MASSAGE -> {
                item.put("service", "massage_therapy");
                String region = Words.region(all);
                if (region != null) {
                    item.put("region", region);
                }
                sessions(at, item, path, true);
            }
            case ADDITIONAL_LEVEL -> item.put("service", "additional_level");
            case IMAGING_GUIDANCE -> item.put("service", "imaging_guidance");
            case IV_SEDATION -> item.put("service", "iv_sedation");
            case OTHER -> item.put("service", "other");
        }
        return new MappedOrder(at, itemId, kind, cptCode, item, index);
    }

    /** Whether urcheck checks this kind of order on its own: a facet procedure, massage, or an additional level of one. */
    static boolean checkedOnItsOwn(Kind kind) {
        return kind.spinalProcedure() || kind == Kind.MASSAGE || kind == Kind.ADDITIONAL_LEVEL;
    }

    /** What an order is: by its CPT code when the table knows it, else by its words. */
    static Kind kindOf(ServiceRequest sr, CptTable table) {
        String code = table.known(sr.getCode());
        if (code != null) {
            return table.get(code).kind();
        }
        return kindFromWords(Words.lower(concat(Words.of(sr.getCode(), false), Words.of(sr.getBodySite(), true))));
    }

    private static Kind kindFromWords(String what) {
        if (Words.find(what, NEUROTOMY) && Words.find(what, FACET)) {
            return Kind.NEUROTOMY;
        }
        if (Words.find(what, FACET)) {
            return Kind.FACET_INJECTION;
        }
        if (Words.find(what, MASSAGE)) {
            return Kind.MASSAGE;
        }
        if (Words.find(what, IMAGING)) {
            return Kind.IMAGING_GUIDANCE;
        }
        if (Words.find(what, SEDATION)) {
            return Kind.IV_SEDATION;
        }
        if (Words.find(what, LEVEL_LINE)) {
            return Kind.ADDITIONAL_LEVEL;
        }
        return Kind.OTHER;
    }

    /**
     * CPT 64490/64493 cover intra-articular injections and medial branch blocks, diagnostic or therapeutic:
     * the words decide. "Medial branch" makes a medial branch block, "intra-articular" an intra-articular
     * injection, neither a facet joint injection of unstated type; "diagnostic" or "therapeutic" (one, not
     * both) is the purpose. The rules judge each of these (governing-guideline.drl).
     */
    private static void facetInjection(ObjectNode item, String all) {
        boolean mb = Words.find(all, MEDIAL_BRANCH);
        boolean ia = Words.find(all, INTRA_ARTICULAR);
        if (mb && !ia) {
            item.put("service", "diagnostic_medial_branch_block");
        } else if (ia && !mb) {
            item.put("service", "therapeutic_facet_injection");
        } else {
            item.put("service", "facet_joint_injection");
        }
        boolean dx = Words.find(all, DIAGNOSTIC);
        boolean tx = Words.find(all, THERAPEUTIC);
        if (dx != tx) {
            item.put("purpose", dx ? "diagnostic" : "therapeutic");
        }
    }

    /** Region, levels and laterality of a spinal procedure. */
    private void anatomy(Located<ServiceRequest> at, ObjectNode item, String path, String cptCode,
                         List<String> siteWords, List<String> codeWords, String all) {
        ServiceRequest sr = at.resource();
        draft.provenance.put(path + ".region", at.at("bodySite"));
        String levels = null;
        String levelsFrom = null;
        for (int i = 0; i < sr.getBodySite().size() && levels == null; i++) {
            CodeableConcept site = sr.getBodySite().get(i);
            String found = LevelText.find(site.getText());
            if (found != null) {
                levels = found;
                levelsFrom = at.at("bodySite[" + i + "].text");
            }
            for (int k = 0; k < site.getCoding().size() && levels == null; k++) {
                found = LevelText.find(site.getCoding().get(k).getDisplay());
                if (found != null) {
                    levels = found;
                    levelsFrom = at.at("bodySite[" + i + "].coding[" + k + "].display");
                }
            }
        }
        if (levels == null) {
            levels = LevelText.find(sr.getCode().getText());
            levelsFrom = at.at("code.text");
        }
        if (levels == null) {
            for (int i = 0; i < sr.getNote().size() && levels == null; i++) {
                levels = LevelText.find(sr.getNote().get(i).getText());
                levelsFrom = at.at("note[" + i + "].text");
            }
        }
        if (levels != null) {
            item.put("levels", levels);
            draft.provenance.put(path + ".levels", levelsFrom);
        }

        String region = regionOfLevels(levels);
        if (region == null) {
            region = regionOfSiteCodes(sr.getBodySite());
        }
        if (region == null) {
            region = Words.region(all);
        }
        if (cptCode != null) {
            CptTable.Cpt code = cpt.get(cptCode);
            if (code.lumbarOnly() && region == null) {
                region = "lumbar";
            } else if (region != null && !code.regions().isEmpty() && !code.regions().contains(region)) {
                draft.problems.add(new Problem(at.at("code"), "CPT " + cptCode + " is a " + code.regionsText()
                        + " procedure, but the order names the " + region + " spine"));
            }
        }
        if (region != null) {
            item.put("region", region);
        }
        String laterality = lateralityOfSiteCodes(sr.getBodySite());
        if (laterality == null) {
            laterality = Words.laterality(all);
        }
        if (laterality != null) {
            item.put("laterality", laterality);
        }
    }

    private static String regionOfLevels(String levels) {
        if (levels == null) {
            return null;
        }
        try {
            Levels l = LevelParser.parse(levels);
            return l.region() == null ? null : l.region().name().toLowerCase(java.util.Locale.ROOT);
        } catch (LevelException e) {
            return null; // the case-file reader reports it, with the element it came from
        }
    }

    /** SNOMED CT spine structures: 122494005 cervical, 122495006 thoracic, 122496007 lumbar. */
    static String regionOfSiteCodes(List<CodeableConcept> sites) {
        for (CodeableConcept site : sites) {
            for (String code : Codes.codes(site, Codes.SNOMED)) {
                switch (code) {
                    case "122494005": return "cervical";
                    case "122495006": return "thoracic";
                    case "122496007": return "lumbar";
                    default: break;
                }
            }
        }
        return null;
    }

    /** SNOMED CT laterality qualifiers: 51440002 right and left, 7771000 left, 24028007 right. */
    private static String lateralityOfSiteCodes(List<CodeableConcept> sites) {
        for (CodeableConcept site : sites) {
            for (String code : Codes.codes(site, Codes.SNOMED)) {
                switch (code) {
                    case "51440002": return "bilateral";
                    case "7771000": return "left";
                    case "24028007": return "right";
                    default: break;
                }
            }
        }
        return null;
    }

    /**
     * A series from occurrenceTiming ("once a month for three months": repeat.count 3, or frequency,
     * period and bounds), and the count from quantity when its unit is sessions or visits. Massage counts
     * visits; procedures count sessions. A quantity without such a unit on a procedure line is units of
     * service (levels), not a series, and is left alone.
     */
    private void sessions(Located<ServiceRequest> at, ObjectNode item, String path, boolean visits) {
        ServiceRequest sr = at.resource();
        String field = visits ? "visits" : "sessions";
        Integer count = null;
        String countFrom = null;
        if (sr.hasQuantityQuantity()) {
            Quantity q = sr.getQuantityQuantity();
            String unit = (q.hasUnit() ? q.getUnit() : "") + " " + (q.hasCode() ? q.getCode() : "");
            if (visits || Words.find(unit.toLowerCase(java.util.Locale.ROOT), SESSION_UNITS)) {
                count = wholeNumber(q.getValue(), at.at("quantityQuantity.value"));
                countFrom = at.at("quantityQuantity");
            }
        }
        if (sr.hasOccurrenceTiming()) {
            Timing t = sr.getOccurrenceTiming();
            if (count == null) {
                count = occurrences(t);
                countFrom = at.at("occurrenceTiming");
            }
            String frequency = frequencyText(t);
            if (frequency != null) {
                String f = CaseDraft.text(frequency);
                item.put("frequency", f.length() <= 200 ? f : f.substring(0, 200));
                draft.provenance.put(path + ".frequency", at.at("occurrenceTiming"));
            }
        }
        if (count != null) {
            item.put(field, count);
            draft.provenance.put(path + "." + field, countFrom);
        }
    }

    private Integer wholeNumber(BigDecimal v, String where) {
        if (v == null) {
            return null;
        }
        if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0) {
            draft.problems.add(new Problem(where, "a whole number of sessions or visits, at least 1 (got " + v.toPlainString() + ")"));
            return null;
        }
        return v.intValueExact();
    }

    /** How many times a timing occurs: repeat.count, or frequency x bounds / period. Null when it does not say. */
    static Integer occurrences(Timing t) {
        if (!t.hasRepeat()) {
            return null;
        }
        Timing.TimingRepeatComponent r = t.getRepeat();
        if (r.hasCount()) {
            return r.getCount();
        }
        if (r.hasBoundsDuration() && r.hasPeriod() && r.hasPeriodUnit()) {
            Double bounds = days(r.getBoundsDuration().getValue(), r.getBoundsDuration().hasCode()
                    ? r.getBoundsDuration().getCode() : r.getBoundsDuration().getUnit());
            Double period = days(r.getPeriod(), r.getPeriodUnit().toCode());
            if (bounds != null && period != null && period > 0) {
                int frequency = r.hasFrequency() ? r.getFrequency() : 1;
                long n = Math.round(bounds / period * frequency);
                return n >= 1 ? (int) n : null;
            }
        }
        return null;
    }

    private static Double days(BigDecimal value, String unit) {
        if (value == null || unit == null) {
            return null;
        }
        double v = value.doubleValue();
        return switch (unit) {
            case "h" -> v / 24;
            case "d" -> v;
            case "wk" -> v * 7;
            case "mo" -> v * 30.4375;
            case "a" -> v * 365.25;
            default -> null;
        };
    }

    /** The timing in words: its code's text when it has one ("once a month for three months"), else spelt out. */
    static String frequencyText(Timing t) {
        if (t.hasCode() && t.getCode().hasText()) {
            return t.getCode().getText();
        }
        if (!t.hasRepeat()) {
            return null;
        }
        Timing.TimingRepeatComponent r = t.getRepeat();
        StringBuilder s = new StringBuilder();
        if (r.hasPeriod() && r.hasPeriodUnit()) {
            int f = r.hasFrequency() ? r.getFrequency() : 1;
            s.append(f == 1 ? "once" : f + " times").append(" every ");
            BigDecimal p = r.getPeriod().stripTrailingZeros();
            String unit = unitName(r.getPeriodUnit().toCode());
            s.append(p.compareTo(BigDecimal.ONE) == 0 ? unit : p.toPlainString() + " " + unit + "s");
        }
        if (r.hasCount()) {
            s.append(s.length() > 0 ? ", " : "").append(r.getCount()).append(r.getCount() == 1 ? " time" : " times");
        } else if (r.hasBoundsDuration()) {
            s.append(s.length() > 0 ? " " : "").append("for ").append(r.getBoundsDuration().getValue().stripTrailingZeros().toPlainString())
                    .append(' ').append(r.getBoundsDuration().hasUnit() ? r.getBoundsDuration().getUnit() : r.getBoundsDuration().getCode());
        }
        return s.length() == 0 ? null : s.toString();
    }

    private static String unitName(String ucum) {
        return switch (ucum) {
            case "s" -> "second";
            case "min" -> "minute";
            case "h" -> "hour";
            case "d" -> "day";
            case "wk" -> "week";
            case "mo" -> "month";
            case "a" -> "year";
            default -> ucum;
        };
    }

    /** The words of the request: the code's text (or display), with the body site when it adds to them. */
    private static String requestText(ServiceRequest sr, List<String> codeWords, List<String> siteWords) {
        String code = codeWords.isEmpty() ? Words.label(sr.getCode()) : codeWords.get(0);
        if (code == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(code);
        boolean sites = false;
        for (CodeableConcept site : sr.getBodySite()) {
            String w = Words.label(site);
            if (w != null && !code.toLowerCase(java.util.Locale.ROOT).contains(w.toLowerCase(java.util.Locale.ROOT))) {
                s.append(sites ? "; " : " (").append(w);
                sites = true;
            }
        }
        if (sites) {
            s.append(')');
        }
        return CaseDraft.text(s.toString());
    }

    /**
     * The primary procedure an add-on line goes with: the order its basedOn names; else the one primary
     * procedure in the request it can go with (an add-on CPT code needs its own primary code, 64494 goes
     * with 64493). None, or several to choose from, is a problem to fix in the order, not a guess.
     */
    private void associate(MappedOrder addOn, List<MappedOrder> all) {
        String path = "$.items[" + addOn.index + "].primaryItem";
        ServiceRequest sr = addOn.order.resource();
        for (int i = 0; i < sr.getBasedOn().size(); i++) {
            Reference ref = sr.getBasedOn().get(i);
            for (MappedOrder m : all) {
                if (m != addOn && record.refersTo(ref, m.order)) {
                    link(addOn, m, path, addOn.order.at("basedOn[" + i + "]"));
                    return;
                }
            }
        }
        Set<String> primaries = addOn.cpt == null ? Set.of() : cpt.get(addOn.cpt).primaries();
        List<MappedOrder> candidates = all.stream()
                .filter(m -> m.kind.spinalProcedure())
                .filter(m -> primaries.isEmpty() || primaries.contains(m.cpt)
                        || (m.cpt == null && sameRegionGroup(addOn.cpt, m)))
                .filter(m -> !sr.hasRequisition() || !m.order.resource().hasRequisition()
                        || sr.getRequisition().getValue().equals(m.order.resource().getRequisition().getValue()))
                .toList();
        String what = addOn.cpt == null ? "this " + addOn.kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " line"
                : "CPT " + addOn.cpt;
        boolean othersOnly = all.stream().noneMatch(m -> m.kind.spinalProcedure()) && all.stream().anyMatch(m -> m.kind == Kind.OTHER);
        if (candidates.size() == 1) {
            link(addOn, candidates.get(0), path, addOn.order.at("code"));
        } else if (candidates.isEmpty() && addOn.kind != Kind.ADDITIONAL_LEVEL && othersOnly) {
            // Guidance or sedation for a procedure urcheck does not check (an epidural, say): not checked either.
            addOn.item.put("service", "other");
        } else if (candidates.isEmpty()) {
            draft.problems.add(new Problem(addOn.order.at("basedOn"), what + " is an add-on to a facet injection or neurotomy, "
                    + "and the request holds none it can go with" + (primaries.isEmpty() ? "" : " (it needs CPT "
                    + String.join(" or ", primaries.stream().sorted().toList()) + ")")));
        } else {
            draft.problems.add(new Problem(addOn.order.at("basedOn"), what + " could go with any of "
                    + candidates.stream().map(m -> m.order.reference()).collect(Collectors.joining(", "))
                    + ": name its primary procedure's ServiceRequest in basedOn"));
        }
    }

    private boolean sameRegionGroup(String addOnCpt, MappedOrder primary) {
        List<String> regions = cpt.get(addOnCpt).regions();
        String region = primary.item.path("region").asText(null);
        return regions.isEmpty() || region == null || regions.contains(region);
    }

    private void link(MappedOrder addOn, MappedOrder primary, String path, String from) {
        addOn.item.put("primaryItem", primary.itemId);
        draft.provenance.put(path, from);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
