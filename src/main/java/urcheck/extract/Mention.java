package urcheck.extract;

/** Words of a record that name a fact: where they are, the sentence around them, and their context. */
record Mention(RecordText record, Sentence sentence, int start, int end, Context context) {

    String words() {
        return record.text().substring(start, end).replaceAll("\\s+", " ");
    }

    String quote() {
        return sentence.quote(record.text());
    }
}
