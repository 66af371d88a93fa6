package urcheck.facts;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date as precise as the record gives it: "2014", "2014-02" or "2014-02-20". Records often say only
 * "February 2014"; intervals computed from such a date are certain only when every day in it agrees.
 */
public record PartialDate(String text, LocalDate earliest, LocalDate latest) {

    public static PartialDate parse(String text) {
        // By hand: a regular expression and java.time's parsers cost more than all the rest of reading a
        // case's dates. The same rules: four ASCII digits, then -MM, then -DD, and a real calendar date.
        if (text == null || !(text.length() == 4 || text.length() == 7 || text.length() == 10)
                || !digits(text, 0, 4) || text.length() > 4 && (text.charAt(4) != '-' || !digits(text, 5, 7))
                || text.length() > 7 && (text.charAt(7) != '-' || !digits(text, 8, 10))) {
            throw new IllegalArgumentException("a date as YYYY-MM-DD, YYYY-MM or YYYY");
        }
        int year = number(text, 0, 4);
        try {
            return switch (text.length()) {
                case 4 -> new PartialDate(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                case 7 -> {
                    YearMonth ym = YearMonth.of(year, number(text, 5, 7));
                    yield new PartialDate(text, ym.atDay(1), ym.atEndOfMonth());
                }
                default -> {
                    LocalDate d = LocalDate.of(year, number(text, 5, 7), number(text, 8, 10));
                    yield new PartialDate(text, d, d);
                }
            };
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("a real calendar date as YYYY-MM-DD, YYYY-MM or YYYY");
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    public boolean exact() {
        return earliest.equals(latest);
    }

    /**
     * Whether this date lies at least {@code months} months before {@code later}: TRUE or FALSE when
     * that holds for every day the two dates may stand for, null when their precision leaves it open.
     */
    public Boolean atLeastMonthsBefore(PartialDate later, int months) {
        if (later == null) {
            return null;
        }
        if (!latest.plusMonths(months).isAfter(later.earliest)) {
            return Boolean.TRUE;
        }
        if (earliest.plusMonths(months).isAfter(later.latest)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Like {@link #atLeastMonthsBefore} with weeks. */
    public Boolean atLeastWeeksBefore(PartialDate later, int weeks) {
        if (later == null) {
            return null;
        }
        if (!latest.plusWeeks(weeks).isAfter(later.earliest)) {
            return Boolean.TRUE;
        }
        if (earliest.plusWeeks(weeks).isAfter(later.latest)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Whether this date is after {@code other} for every day the two may stand for. */
    public boolean certainlyAfter(PartialDate other) {
        return other != null && earliest.isAfter(other.latest);
    }

    /** Whether this date falls within {@code months} months before {@code later} (for per-year counts). */
    public boolean possiblyWithinMonthsBefore(PartialDate later, int months) {
        return later != null && latest.plusMonths(months).isAfter(later.earliest) && !earliest.isAfter(later.latest);
    }

    @Override
    public String toString() {
        return text;
    }
}
