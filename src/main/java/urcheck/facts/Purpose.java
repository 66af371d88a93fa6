package urcheck.facts;

/** The purpose of an injection, where the request or the record states it. */
public enum Purpose {
    DIAGNOSTIC, THERAPEUTIC
}
