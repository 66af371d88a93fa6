package urcheck.batch;

/** How a batch run went: lines read, and how many were checked, invalid, or failed inside urcheck. */
public record BatchSummary(long lines, long checked, long invalid, long failed, double seconds) {

    public double casesPerSecond() {
        return seconds <= 0 ? 0 : lines / seconds;
    }
}
