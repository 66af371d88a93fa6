package urcheck.extract;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers, durations, percentages and dates as notes write them ("x 6 wks", "80 to 90%", "6-5-2015", "February 2014"). */
final class Quantities {

    static final String NUMBER = "(\\d{1,3}|[a-z]+(?: few| couple of)?)";
    private static final Pattern WEEKS = Pattern.compile(
            "(?:x\\s*|for\\s+(?:about\\s+|approximately\\s+|over\\s+|at\\s+least\\s+|the\\s+(?:past|last)\\s+)?|over\\s+(?:the\\s+(?:past|last)\\s+)?)?"
                    + "(\\d{1,3}|[a-z]+)(?:\\s*(?:-|to)\\s*\\d{1,3})?\\s*(weeks?|wks?|months?|mos?|years?|yrs?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VISITS = Pattern.compile(
            "(?<![\\w/])(\\d{1,3}|[a-z]+)\\s+(?:prior\\s+|previous\\s+|completed\\s+|total\\s+)?(visits?|sessions?|treatments)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile(
            "(\\d{1,3})(?:\\s*%?\\s*(?:to|-|\\u2013)\\s*(\\d{1,3}))?\\s*(?:%|percent|per cent)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAIN_SCORES = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*(?:/10)?\\s*(?:to|->|down to|reduced to|decreased to)\\s*(\\d{1,2})\\s*/\\s*10", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile(
            "(?:for|lasting|lasted|last|over|span of|period of|duration of)\\s+(?:a\\s+span\\s+of\\s+|a\\s+period\\s+of\\s+)?"
                    + "(?:about\\s+|approximately\\s+|approx\\.?\\s+|around\\s+|nearly\\s+|almost\\s+|roughly\\s+|over\\s+|at\\s+least\\s+|~\\s*)?"
                    + "(\\d{1,3}(?:\\.\\d)?|[a-z]+)(?:\\s*(?:-|to)\\s*\\d{1,3})?\\s*(hours?|hrs?|days?|weeks?|wks?|months?|mos?)\\b"
                    + "|(\\d{1,3}(?:\\.\\d)?|[a-z]+)(?:\\s*(?:-|to)\\s*\\d{1,3})?[\\s-]*(hours?|hrs?|days?|weeks?|wks?|months?|mos?)\\s+of\\s+(?:relief|benefit|improvement)",
            Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern DATE = Pattern.compile(
            "(?<![\\w/-])(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}|\\d{2})(?![\\w/-])"
                    + "|(?<![\\w-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\w-])"
                    + "|(?<!\\w)" + MONTHS + "\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\w)"
                    + "|(?<!\\w)" + MONTHS + ",?\\s+(?:of\\s+)?(\\d{4})(?!\\w)"
                    + "|(?<![\\w/-])(\\d{1,2})/(\\d{4})(?![\\w/-])"
                    + "|(?<=\\bin\\s)((?:19|20)\\d{2})(?![\\w/-])",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Integer> words;

    Quantities(Lexicon lexicon) {
        this.words = lexicon.numbers;
    }

    Integer number(String s) {
        if (s == null) {
            return null;
        }
        if (s.matches("\\d+")) {
            return Integer.parseInt(s);
        }
        Integer n = words.get(s.toLowerCase(Locale.ROOT));
        return n == null || n == 0 ? null : n;
    }

    record Found<T>(T value, int start, int end) {
    }

    /** Weeks in {@code text[from,to)}: "x 6 wks", "for 3 months" (13 weeks), nearest to {@code near}. */
    Found<Integer> weeks(String text, int from, int to, int near) {
        Matcher m = WEEKS.matcher(text);
        m.region(from, to);
        Found<Integer> best = null;
        while (m.find()) {
            Integer n = number(m.group(1));
            if (n == null) {
                continue;
            }
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            int weeks = unit.startsWith("w") ? n : unit.startsWith("y") ? n * 52 : (int) Math.floor(n * 52.0 / 12);
            Found<Integer> f = new Found<>(weeks, m.start(), m.end());
            if (best == null || Math.abs(f.start() - near) < Math.abs(best.start() - near)) {
                best = f;
            }
        }
        return best;
    }

    Found<Integer> visits(String text, int from, int to) {
        Matcher m = VISITS.matcher(text);
        m.region(from, to);
        while (m.find()) {
            Integer n = number(m.group(1));
            if (n != null) {
                return new Found<>(n, m.start(), m.end());
            }
        }
        return null;
    }

    /** Relief in percent, the lower bound of a range; from pain scores ("8/10 to 2/10") when no percent is written. */
    Found<Double> percent(String text, int from, int to) {
        Matcher m = PERCENT.matcher(text);
        m.region(from, to);
        if (m.find()) {
            double a = Double.parseDouble(m.group(1));
            double b = m.group(2) == null ? a : Double.parseDouble(m.group(2));
            double v = Math.min(a, b);
            return v <= 100 ? new Found<>(v, m.start(), m.end()) : null;
        }
        return null;
    }

    Found<Double> percentFromScores(String text, int from, int to) {
        Matcher m = PAIN_SCORES.matcher(text);
        m.region(from, to);
        if (m.find()) {
            double before = Double.parseDouble(m.group(1));
            double after = Double.parseDouble(m.group(2));
            if (before > 0 && before <= 10 && after < before) {
                return new Found<>(Math.floor((before - after) * 100 / before), m.start(), m.end());
            }
        }
        return null;
    }

    /** A duration of relief: value and unit (hours, days, weeks, months). */
    Found<Object[]> duration(String text, int from, int to) {
        Matcher m = DURATION.matcher(text);
        m.region(from, to);
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(3);
            String u = (m.group(2) != null ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
            Double v = n.matches("\\d+(\\.\\d)?") ? Double.valueOf(n) : (number(n) == null ? null : number(n).doubleValue());
            if (v == null || v <= 0) {
                continue;
            }
            String unit = u.startsWith("h") ? "hours" : u.startsWith("d") ? "days" : u.startsWith("w") ? "weeks" : "months";
            return new Found<>(new Object[] {v, unit}, m.start(), m.end());
        }
        return null;
    }

    /** Every date in {@code text[from,to)} as YYYY-MM-DD, YYYY-MM, in order. */
    java.util.List<Found<String>> dates(String text, int from, int to) {
        java.util.List<Found<String>> out = new java.util.ArrayList<>();
        Matcher m = DATE.matcher(text);
        m.region(from, to);
        while (m.find()) {
            String d = null;
            if (m.group(1) != null) {
                d = ymd(year(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } else if (m.group(4) != null) {
                d = ymd(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            } else if (m.group(7) != null) {
                d = ymd(Integer.parseInt(m.group(9)), month(m.group(7)), Integer.parseInt(m.group(8)));
            } else if (m.group(10) != null) {
                d = ym(Integer.parseInt(m.group(11)), month(m.group(10)));
            } else if (m.group(12) != null) {
                d = ym(Integer.parseInt(m.group(13)), Integer.parseInt(m.group(12)));
            } else if (m.group(14) != null) {
                d = m.group(14); // "in 2023": the year is all the record says
            }
            if (d != null) {
                out.add(new Found<>(d, m.start(), m.end()));
            }
        }
        return out;
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? (v <= 40 ? 2000 + v : 1900 + v) : v;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(n) / 3 + 1;
    }

    private static String ymd(int y, int m, int d) {
        if (y < 1950 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        try {
            return java.time.LocalDate.of(y, m, d).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String ym(int y, int m) {
        return y < 1950 || y > 2100 || m < 1 || m > 12 ? null : String.format(Locale.ROOT, "%04d-%02d", y, m);
    }
}
