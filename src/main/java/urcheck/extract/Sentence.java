package urcheck.extract;

/**
 * One sentence (or heading, or list line) of a record: where it is, which section it is in, and whether it
 * is a heading or one of a review decision's disputed items ("...: Upheld").
 */
record Sentence(int index, int start, int end, Section section, boolean heading, boolean disputedItem) {

    String raw(String text) {
        return text.substring(start, end);
    }

    /** The sentence as quoted in evidence: the record's words, line breaks and runs of spaces made single spaces. */
    String quote(String text) {
        return text.substring(start, end).replaceAll("\\s+", " ").strip();
    }
}
