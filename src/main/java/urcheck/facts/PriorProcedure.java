package urcheck.facts;

import java.util.List;
import urcheck.levels.Joint;
import urcheck.levels.Levels;

/**
 * An earlier procedure and what it did: relief in percent and for how long, and the functional change
 * (8 CCR 9792.20(e): work status, activities of daily living, less medication).
 */
public record PriorProcedure(ProcedureType type, PartialDate date, Region region, Levels levels,
                             Integer reliefPercent, Double reliefHours, String reliefDurationText,
                             QualitativeRelief qualitativeRelief, Anesthetic anesthetic,
                             Documented workFunctionImproved, Documented adlImproved,
                             Documented medicationReduced, Documented painScaleRecorded,
                             String note,
                             int caseKey) implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public PriorProcedure(ProcedureType type, PartialDate date, Region region, Levels levels, Integer reliefPercent,
            Double reliefHours, String reliefDurationText, QualitativeRelief qualitativeRelief, Anesthetic anesthetic,
            Documented workFunctionImproved, Documented adlImproved, Documented medicationReduced,
            Documented painScaleRecorded, String note) {
        this(type, date, region, levels, reliefPercent, reliefHours, reliefDurationText, qualitativeRelief,
                anesthetic, workFunctionImproved, adlImproved, medicationReduced, painScaleRecorded, note, 0);
    }

    /** The same fact for the case with {@code key}. */
    public PriorProcedure withCaseKey(int key) {
        return key == caseKey ? this : new PriorProcedure(type, date, region, levels, reliefPercent, reliefHours,
                reliefDurationText, qualitativeRelief, anesthetic, workFunctionImproved, adlImproved,
                medicationReduced, painScaleRecorded, note, key);
    }

    public static final double HOURS_PER_WEEK = 24 * 7;

    public boolean reliefDocumented() {
        return reliefPercent != null;
    }

    public Double reliefWeeks() {
        return reliefHours == null ? null : reliefHours / HOURS_PER_WEEK;
    }

    /** Hours in a month: an average twelfth of a year, as the case file counts relief durations. */
    public static final double HOURS_PER_MONTH = 730.5;

    /**
     * Whether it was done at every one of the given joints (a neurotomy needs its diagnostic block, or
     * its earlier neurotomy, at the joints requested); unknown or ambiguous levels cover nothing known.
     */
    public boolean covers(List<Joint> joints) {
        return levels != null && !levels.ambiguous() && !joints.isEmpty() && levels.joints().containsAll(joints);
    }

    /** Whether its levels are stated and read without ambiguity. */
    public boolean levelsKnown() {
        return levels != null && !levels.ambiguous();
    }

    /**
     * Whether its relief is documented to have lasted at least {@code months} months: then at least that
     * long has passed since it, whatever its date says or leaves open.
     */
    public boolean reliefLastedMonths(int months) {
        return reliefHours != null && reliefHours >= months * HOURS_PER_MONTH;
    }

    /** The hours a positive block's relief must last with its anesthetic: the longer-acting figure for bupivacaine. */
    public double minimumBlockHours(double lidocaine, double bupivacaine) {
        return anesthetic == Anesthetic.BUPIVACAINE ? bupivacaine : lidocaine;
    }

    /** Whether this procedure was certainly done after {@code other} (both dated, no overlap). */
    public boolean doneAfter(PriorProcedure other) {
        return date != null && other.date != null && date.certainlyAfter(other.date);
    }

    /** Whether it was done at one of the given joints; unknown levels match nothing. */
    public boolean atAnyOf(List<Joint> joints) {
        return levels != null && levels.joints().stream().anyMatch(joints::contains);
    }

    /** Functional improvement in the 8 CCR 9792.20(e) sense: better work status or ADLs. */
    public Documented functionalImprovement() {
        if (workFunctionImproved == Documented.PRESENT || adlImproved == Documented.PRESENT) {
            return Documented.PRESENT;
        }
        if (workFunctionImproved == Documented.ABSENT && adlImproved == Documented.ABSENT) {
            return Documented.ABSENT;
        }
        return Documented.NOT_DOCUMENTED;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("earlier ").append(type.label());
        if (region != null) {
            s.append(", ").append(region.label());
        }
        if (levels != null) {
            s.append(" ").append(levels.jointList());
        }
        s.append(date == null ? ", date not documented" : ", " + date);
        s.append(reliefPercent != null ? "; " + reliefPercent + "% relief"
                : qualitativeRelief != null ? "; " + qualitativeRelief.label() : "; relief not documented");
        if (reliefPercent != null || (qualitativeRelief != null && reliefDurationText != null)) {
            s.append(reliefDurationText == null ? ", duration not documented" : " for " + reliefDurationText);
        }
        // The note quotes the record on the procedure and its relief: it goes here, before the functional
        // changes, so that it never reads as the quote for "work function improved" (seed 003).
        if (note != null) {
            s.append(" (\"").append(note).append("\")");
        }
        if (anesthetic != null) {
            s.append("; anesthetic ").append(anesthetic.label());
        }
        if (workFunctionImproved != Documented.NOT_DOCUMENTED) {
            s.append("; work function improved: ").append(workFunctionImproved.label());
        }
        if (adlImproved != Documented.NOT_DOCUMENTED) {
            s.append("; ADLs improved: ").append(adlImproved.label());
        }
        if (medicationReduced != Documented.NOT_DOCUMENTED) {
            s.append("; medication reduced: ").append(medicationReduced.label());
        }
        return s.toString();
    }
}
