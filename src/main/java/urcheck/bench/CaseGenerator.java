package urcheck.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Makes realistic, valid case files for the benchmark: every service type, both spinal regions and
 * their levels written in the ways requests write them, findings present, absent or not documented,
 * conservative care, earlier procedures with relief and functional change, associated services
 * pointing at their primary, free-text notes of the length real records have. Deterministic: the same
 * seed gives the same cases, byte for byte. None of it is anyone's record.
 */
public final class CaseGenerator {

    /** The primary services; the associated ones are added to a primary procedure. */
    static final List<String> PRIMARY = List.of("diagnostic_medial_branch_block", "therapeutic_facet_injection",
            "facet_joint_injection", "facet_radiofrequency_neurotomy", "massage_therapy", "other");
    static final List<String> ASSOCIATED = List.of("additional_level", "imaging_guidance", "iv_sedation");

    private static final List<String> CERVICAL_LEVELS = List.of("C2-C3", "C3-C4", "C4-5", "C5-C6", "C2-4",
            "C3-C4, C4-C5", "C5-6 and C6-7", "C2, C3, C4 medial branches", "C4, C5, C6", "C5-C6, C6-C7, C7-T1");
    private static final List<String> LUMBAR_LEVELS = List.of("L4-5", "L5-S1", "L4-5, L5-S1", "L3-4, L4-5",
            "L4/5", "L3, L4, L5 medial branches", "L4 medial branch and L5 dorsal ramus", "L3-L4, L4-L5, L5-S1",
            "L2-3, L3-4, L4-5");
    private static final List<String> THORACIC_LEVELS = List.of("T4-5", "T11-T12", "T12-L1");
    private static final List<String> FINDINGS = List.of("radicularSymptoms", "radiculopathyOnElectrodiagnostics",
            "spinalStenosis", "priorFusion", "surgeryPlanned", "facetTenderness", "axialPain",
            "painfulOrLimitedExtensionRotation", "imagingFacetFindings", "extremeAnxiety");
    private static final List<String> MODALITIES = List.of("physical_therapy", "home_exercise", "nsaids",
            "other_medication", "chiropractic", "massage", "other");
    private static final List<String> PROCEDURES = List.of("medial_branch_block", "facet_injection",
            "radiofrequency_neurotomy", "epidural_steroid_injection", "trigger_point_injection", "other");
    private static final List<String> NOTES = List.of(
            "The injured worker reports constant neck pain rated 7/10, worse with extension and rotation.",
            "Low back pain radiating to the buttocks but not below the knee; tenderness over the facets.",
            "Numbness and tingling down both arms to the hands, worse at night.",
            "Examination shows paravertebral tenderness and painful extension; neurological examination normal.",
            "MRI shows facet arthropathy at the requested levels without significant canal stenosis.",
            "No adjunctive treatment is being planned at this time according to the progress report.",
            "Completed six sessions of physical therapy with temporary relief only.",
            "Patient is working modified duty; activities of daily living limited by pain.");
    private static final List<String> REQUESTS = List.of("Outpatient", "Bilateral", "Right", "Left", "Repeat",
            "Series of", "Office visit with");

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private long next;

    public CaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The next case as one line of compact JSON (no line break inside). */
    public String nextLine() {
        try {
            return json.writeValueAsString(nextCase());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode nextCase() {
        long n = ++next;
        ObjectNode c = json.createObjectNode();
        c.put("caseId", "bench-" + n);
        c.put("jurisdiction", pick(List.of("california", "california", "california", "texas", "other")));
        int year = 2010 + random.nextInt(12);
        c.put("injuryDate", String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        if (random.nextInt(4) > 0) {
            c.put("requestDate", String.format("%d-%02d-%02d", year + 1 + random.nextInt(3), 1 + random.nextInt(12),
                    1 + random.nextInt(28)));
        }
        if (random.nextInt(10) == 0) {
            c.put("odgEdition", pick(List.of("odg-wldi-2008-2017", "odg-mcg-2019")));
        }
        ArrayNode items = c.putArray("items");
        int primaries = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        int id = 0;
        for (int p = 0; p < primaries; p++) {
            String service = pick(PRIMARY);
            String region = service.equals("massage_therapy") ? pick(List.of("cervical", "lumbar"))
                    : pick(List.of("cervical", "cervical", "lumbar", "lumbar", "thoracic"));
            ObjectNode item = items.addObject();
            String primaryId = Integer.toString(++id);
            item.put("id", primaryId);
            item.put("service", service);
            item.put("region", region);
            String levels = pick(region.equals("cervical") ? CERVICAL_LEVELS
                    : region.equals("lumbar") ? LUMBAR_LEVELS : THORACIC_LEVELS);
            switch (service) {
                case "massage_therapy" -> {
                    item.put("visits", 1 + random.nextInt(12));
                    item.put("request", "Massage therapy " + item.get("visits").asInt() + " sessions for the "
                            + region + " spine");
                }
                case "other" -> item.put("request", "Acupuncture 2x/week for 4 weeks");
                default -> {
                    item.put("levels", levels);
                    item.put("laterality", pick(List.of("left", "right", "bilateral", "bilateral")));
                    item.put("request", pick(REQUESTS) + " " + service.replace('_', ' ') + " at " + levels);
                    if (service.equals("facet_joint_injection") && random.nextBoolean()) {
                        item.put("purpose", pick(List.of("diagnostic", "therapeutic")));
                    }
                    if (random.nextInt(5) == 0) {
                        item.put("sessions", 1 + random.nextInt(3));
                    }
                    if (service.equals("facet_radiofrequency_neurotomy") && random.nextBoolean()) {
                        item.put("repeat", true);
                    }
                    for (String associated : ASSOCIATED) {
                        if (random.nextInt(3) == 0) {
                            ObjectNode a = items.addObject();
                            a.put("id", Integer.toString(++id));
                            a.put("service", associated);
                            a.put("primaryItem", primaryId);
                            a.put("request", associated.replace('_', ' ').toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        }
        ObjectNode clinical = c.putObject("clinical");
        for (String f : FINDINGS) {
            int r = random.nextInt(10);
            if (r < 6) {
                ObjectNode finding = clinical.putObject(f);
                finding.put("status", r < 2 ? "present" : r < 5 ? "absent" : "not_documented");
                if (random.nextInt(3) == 0) {
                    finding.put("note", pick(NOTES));
                }
            }
        }
        ArrayNode care = c.putArray("conservativeCare");
        for (int i = random.nextInt(4); i > 0; i--) {
            ObjectNode k = care.addObject();
            k.put("modality", pick(MODALITIES));
            k.put("response", pick(List.of("failed", "failed", "helped", "unknown")));
            if (random.nextBoolean()) {
                k.put("weeks", 1 + random.nextInt(20));
            }
            if (random.nextInt(3) == 0) {
                k.put("note", pick(NOTES));
            }
        }
        ArrayNode procedures = c.putArray("priorProcedures");
        for (int i = random.nextInt(3); i > 0; i--) {
            ObjectNode p = procedures.addObject();
            p.put("type", pick(PROCEDURES));
            String done = String.format("%d-%02d", year + random.nextInt(3), 1 + random.nextInt(12));
            String requested = c.path("requestDate").asText("9999-12");
            // An earlier procedure is never after the request (the reader refuses that); same draws as before.
            p.put("date", done.compareTo(requested.substring(0, 7)) > 0 ? requested.substring(0, 7) : done);
            String region = pick(List.of("cervical", "lumbar"));
            p.put("region", region);
            p.put("levels", pick(region.equals("cervical") ? CERVICAL_LEVELS : LUMBAR_LEVELS));
            if (random.nextInt(4) > 0) {
                p.put("reliefPercent", 10 * random.nextInt(11));
            }
            if (random.nextBoolean()) {
                ObjectNode d = p.putObject("reliefDuration");
                d.put("value", 1 + random.nextInt(12));
                d.put("unit", pick(List.of("hours", "days", "weeks", "months")));
            }
            if (random.nextBoolean()) {
                ObjectNode fc = p.putObject("functionalChange");
                for (String f : List.of("workStatusImproved", "adlImproved", "medicationReduced", "painScaleRecorded")) {
                    if (random.nextBoolean()) {
                        fc.putObject(f).put("status", pick(List.of("present", "absent")));
                    }
                }
            }
            if (random.nextBoolean()) {
                p.put("note", pick(NOTES));
            }
        }
        if (random.nextBoolean()) {
            ObjectNode plan = c.putObject("plan");
            if (random.nextBoolean()) {
                plan.putObject("activeTherapy").put("status", pick(List.of("present", "absent")));
            }
            if (random.nextBoolean()) {
                plan.putObject("sedation").put("status", pick(List.of("present", "absent")));
            }
        }
        return c;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
