package urcheck.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the readers found in a record, in reading order, before it becomes a case file. */
final class Found {

    record FindingHit(String status, String levels, Mention mention) {
    }

    record DiagnosisHit(String icd10, String condition, String status, Mention mention) {
    }

    /** A field of a care entry or procedure with the words it came from. */
    record Field<T>(T value, Mention mention, String why) {
    }

    static final class Care {
        final String modality;
        final Mention mention;
        Field<Integer> weeks;
        Field<Integer> visits;
        Field<String> response;
        Field<String> functionalImprovement;

        Care(String modality, Mention mention) {
            this.modality = modality;
            this.mention = mention;
        }
    }

    static final class Procedure {
        final String type;
        final Mention mention;
        Field<String> date;
        Field<String> region;
        Field<String> levels;
        Field<Double> reliefPercent;
        Field<double[]> reliefDuration;
        Field<String> durationUnit;
        Field<String> qualitativeRelief;
        Field<String> anesthetic;
        final Map<String, Field<String>> functionalChange = new LinkedHashMap<>();

        Procedure(String type, Mention mention) {
            this.type = type;
            this.mention = mention;
        }

        boolean positive() {
            return (reliefPercent != null && reliefPercent.value() >= 50) || (qualitativeRelief != null
                    && (qualitativeRelief.value().equals("good") || qualitativeRelief.value().equals("excellent")));
        }
    }

    static final class Item {
        final String service;
        final Mention mention;
        final String request;
        final Map<String, Field<Object>> fields = new LinkedHashMap<>();
        Item primary;
        Item alternativeTo;
        String id;

        Item(String service, Mention mention, String request) {
            this.service = service;
            this.mention = mention;
            this.request = request;
        }

        void put(String field, Object value, Mention m, String why) {
            if (value != null && !fields.containsKey(field)) {
                fields.put(field, new Field<>(value, m, why));
            }
        }
    }

    final Map<String, List<FindingHit>> findings = new LinkedHashMap<>();
    final List<DiagnosisHit> diagnoses = new ArrayList<>();
    final List<Care> care = new ArrayList<>();
    final List<Procedure> procedures = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Field<String>> injuryDates = new ArrayList<>();
    final List<Field<String>> requestDates = new ArrayList<>();
    Field<String> jurisdiction;
    /** Planned injectate volume per joint, in cc. */
    Field<Double> injectate;
    /** The earlier procedure last named: what a later "80% relief" with no procedure named is about. */
    Procedure lastProcedure;
    /** What was read but left out, and why (a rule-out, a family member's history): shown to the reviewer. */
    final List<Evidence> leftOut = new ArrayList<>();

    void finding(String fact, String status, String levels, Mention m) {
        findings.computeIfAbsent(fact, k -> new ArrayList<>()).add(new FindingHit(status, levels, m));
    }
}
