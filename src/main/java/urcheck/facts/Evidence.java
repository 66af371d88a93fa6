package urcheck.facts;

/** A fact a criterion can cite: it says in one line what the record documents. */
public interface Evidence {
    String describe();
}
