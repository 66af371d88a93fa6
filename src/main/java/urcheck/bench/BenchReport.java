package urcheck.bench;

import java.util.List;

/** The numbers of one benchmark run and whether each target of README "Speed" is met. */
public record BenchReport(Benchmark.Settings settings, int cores, List<Benchmark.Rate> rates,
                          List<PhaseTable.Phase> phases, List<ColdStart.Timing> coldStarts, BatchMemory.Result memory, String load) {

    /** Issue 14: at most 45 us of CPU per case for the full batch check, 40,000 cases/s on 2 idle cores. */
    static final double TARGET_CPU_MICROS_PER_CASE = 45;
    static final double TARGET_CASES_PER_SECOND = 40_000;
    static final double TARGET_SHARE_OF_FLOOR = 1.0 / 3;
    static final double TARGET_COLD_START_SECONDS = 1.0;
    static final long TARGET_PEAK_RSS_MB = 300;

    Benchmark.Rate rate(String what, int threads) {
        return rates.stream().filter(r -> r.what().equals(what) && r.threads() == threads).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + what + " rate on " + threads + " thread(s)"));
    }

    public String text() {
        int all = settings.threads();
        StringBuilder s = new StringBuilder();
        s.append(String.format("%nurcheck bench: %,d generated cases (seed %d), %d core(s), %d worker thread(s) for 'all cores'%n",
                settings.cases(), settings.seed(), cores, all));
        s.append(String.format("machine load average (1/5/15 min): %s%n", load));
        s.append(String.format("%-46s %14s %14s %16s%n", "cases/s", "1 thread", all + " threads", "CPU us/case (1t)"));
        for (String[] row : new String[][] {
                {"json-floor", "(a) JSON floor: parse + write, no rules"},
                {"read-validate", "    read + schema + facts, no rules"},
                {"read-rules", "    read + rules, no answer"},
                {"full-check-alone", "(b) full check, a rule session per case"},
                {"full-check", "    full check (answer as JSON; check --batch)"},
                {"compact-check", "    full check, --compact answer"},
                {"fast-check", "    full check, --compact --trusted-input"}}) {
            s.append(String.format("%-46s %,14.0f %,14.0f %16.0f%n", row[1], rate(row[0], 1).perSecond(),
                    rate(row[0], all).perSecond(), rate(row[0], 1).cpuMicrosPerCase()));
        }
        double share1 = rate("full-check", 1).perSecond() / rate("json-floor", 1).perSecond();
        double shareAll = rate("full-check", all).perSecond() / rate("json-floor", all).perSecond();
        s.append(String.format("%-46s %14.2f %14.2f%n", "    ratio full check / JSON floor", share1, shareAll));
        s.append(String.format("%nWhere a full check's CPU goes, one thread (us per case; best of %d passes over %,d cases):%n",
                Math.max(1, settings.repeats()), Math.min(settings.cases(), 20_000)));
        double sum = 0;
        for (PhaseTable.Phase p : phases) {
            s.append(String.format("    %-58s %8.1f%n", p.name(), p.micros()));
            sum += p.micros();
        }
        s.append(String.format("    %-58s %8.1f   (the full-check pass above: %.1f)%n", "sum", sum,
                rate("full-check", 1).cpuMicrosPerCase()));
        s.append(String.format("%n(c) cold start, one seed case, whole process (%s):%n", settings.seedCase()));
        for (ColdStart.Timing t : coldStarts) {
            s.append(String.format("    %-66s median %.2f s (%d runs, %.2f-%.2f s), CPU %.2f s%n", t.what(), t.median(),
                    t.seconds().length, t.min(), t.max(), t.medianCpu()));
        }
        s.append(String.format("%n(d) batch of %,d cases via bin/urcheck check --batch - : %,d answers, %,.0f cases/s, peak RSS %,d MB%n",
                memory.cases(), memory.answers(), memory.perSecond(), memory.peakRssKb() / 1024));
        s.append("    RSS (MB) after each tenth of the cases:");
        for (BatchMemory.Sample x : memory.samples()) {
            s.append(' ').append(x.rssKb() / 1024);
        }
        s.append(String.format("%n%nTargets:%n"));
        double fullAll = rate("full-check", all).perSecond();
        double cold = coldStarts.get(0).median();
        long peakMb = memory.peakRssKb() / 1024;
        // Issue 14's target is for a batch check whose answer carries the full answer's content: the compact
        // answer does (its texts are the catalogue's, by id); the full answer and the trusted path are shown too.
        for (String[] mode : new String[][] {{"full-check", "full answer"}, {"compact-check", "--compact"},
                {"fast-check", "--compact --trusted-input"}}) {
            double cpuPerCase = rate(mode[0], 1).cpuMicrosPerCase();
            s.append(target(cpuPerCase <= TARGET_CPU_MICROS_PER_CASE,
                    String.format("batch check (%s) <= 45 us CPU per case (1 thread): %.1f us", mode[1], cpuPerCase)));
        }
        double compactAll = rate("compact-check", all).perSecond();
        s.append(target(compactAll >= TARGET_CASES_PER_SECOND,
                String.format("batch check (--compact) on all cores >= 40,000 cases/s: %,.0f (full answer: %,.0f)",
                        compactAll, fullAll)));
        s.append(target(shareAll >= TARGET_SHARE_OF_FLOOR,
                String.format("full check >= 1/3 of the JSON floor (all cores): %.2f", shareAll)));
        s.append(target(cold < TARGET_COLD_START_SECONDS, String.format("cold start < 1.0 s median: %.2f s", cold)));
        s.append(target(peakMb < TARGET_PEAK_RSS_MB, String.format("peak RSS of the batch < 300 MB: %d MB", peakMb)));
        s.append(target(memory.answers() == memory.cases(), String.format("every batch case answered: %,d of %,d",
                memory.answers(), memory.cases())));
        return s.toString();
    }

    private static String target(boolean met, String what) {
        return String.format("  [%s] %s%n", met ? "met" : "NOT MET", what);
    }
}
