package urcheck.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written date reader (issue 14) accepts and refuses exactly what the pattern and java.time did. */
class PartialDateTest {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** The reader as it was: a regular expression, then java.time's ISO parsers. */
    private static String reference(String text) {
        if (!FORMAT.matcher(text).matches()) {
            return "refused: a date as YYYY-MM-DD, YYYY-MM or YYYY";
        }
        try {
            return switch (text.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1) + ".." + LocalDate.of(Integer.parseInt(text), 12, 31);
                case 7 -> YearMonth.parse(text).atDay(1) + ".." + YearMonth.parse(text).atEndOfMonth();
                default -> LocalDate.parse(text) + ".." + LocalDate.parse(text);
            };
        } catch (java.time.DateTimeException e) {
            return "refused: a real calendar date as YYYY-MM-DD, YYYY-MM or YYYY";
        }
    }

    private static String now(String text) {
        try {
            PartialDate d = PartialDate.parse(text);
            assertEquals(text, d.text());
            return d.earliest() + ".." + d.latest();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void everyMonthAndDayOfLeapAndCommonYears() {
        List<String> texts = new ArrayList<>(List.of("0000", "9999", "2014", "0000-01", "2014-00", "2014-13", "2014-1",
                "201-01", "20140101", "2014/01/01", "2014-01-01T00", " 2014", "2014 ", "2014\n", "２０１４", "٢٠١٤", "+2014",
                "-2014", "2014-0a", "2014--01", "2014-01-", "", "2014-01-1", "2014-1-01"));
        for (String year : List.of("1900", "2000", "2015", "2016", "0004")) {
            for (int m = 0; m <= 13; m++) {
                texts.add(year + "-" + String.format("%02d", m));
                for (int d = 0; d <= 32; d++) {
                    texts.add(year + "-" + String.format("%02d", m) + "-" + String.format("%02d", d));
                }
            }
        }
        for (String t : texts) {
            assertEquals(reference(t), now(t), "\"" + t + "\"");
        }
    }

    @Test
    void randomTextsOfDigitsAndDashes() {
        Random r = new Random(14);
        String alphabet = "0123456789-- x";
        for (int i = 0; i < 200_000; i++) {
            int length = new int[] {4, 7, 10, r.nextInt(12)}[r.nextInt(4)];
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < length; k++) {
                s.append(k == 4 || k == 7 ? (r.nextInt(10) == 0 ? 'x' : '-') : alphabet.charAt(r.nextInt(r.nextInt(5) == 0 ? alphabet.length() : 10)));
            }
            assertEquals(reference(s.toString()), now(s.toString()), "\"" + s + "\"");
        }
    }
}
