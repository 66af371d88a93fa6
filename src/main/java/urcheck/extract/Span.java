package urcheck.extract;

/** Character offsets [start, end) in a record's text. */
record Span(int start, int end) {

    boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }

    int length() {
        return end - start;
    }
}
