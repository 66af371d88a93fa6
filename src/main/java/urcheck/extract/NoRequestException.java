package urcheck.extract;

/** A record in which no requested item could be found: a case file needs at least one, so none is written. */
public final class NoRequestException extends Exception {
    public NoRequestException(String files) {
        super(files + ": found no requested item (a request for a facet procedure or massage therapy, or a review "
                + "decision's disputed items); no case file was written");
    }
}
