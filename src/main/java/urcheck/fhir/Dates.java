package urcheck.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/** FHIR dates as the case file writes them: YYYY-MM-DD, or YYYY-MM / YYYY when the record is no more precise. */
final class Dates {

    private Dates() {
    }

    /** The date as written (its local calendar date, not converted to another time zone), or null. */
    static String of(BaseDateTimeType d) {
        if (d == null || !d.hasValue()) {
            return null;
        }
        String s = d.getValueAsString();
        TemporalPrecisionEnum p = d.getPrecision();
        int len = p == TemporalPrecisionEnum.YEAR ? 4 : p == TemporalPrecisionEnum.MONTH ? 7 : 10;
        return s.length() >= len ? s.substring(0, len) : s;
    }

    /** The earlier of two case-file dates (partial dates compare by what they state). */
    static String earlier(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
