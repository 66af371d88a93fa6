package urcheck.facts;

/**
 * A number a guideline sets (a relief threshold, a week count), as the edition in force states it.
 * The rules never spell such numbers out: they read them from rules/guideline-numbers.json.
 */
public record GuidelineNumber(String name, double value, String unit, String edition, String source)
        implements Evidence {

    public int whole() {
        return (int) Math.round(value);
    }

    @Override
    public String describe() {
        String v = value == Math.rint(value) ? String.valueOf(whole()) : String.valueOf(value);
        return "guideline number " + name + " = " + v + " " + unit + " (" + source
                + (odg() ? "; ODG edition " + edition : "") + ")";
    }

    /**
     * Whether ODG sets this number: only ODG's numbers vary with the ODG edition in force. An MTUS or
     * regulation number names its own edition in its source, and tagging it with an ODG edition misleads.
     */
    public boolean odg() {
        return source != null && source.startsWith("ODG");
    }
}
