package urcheck.engine;

import urcheck.facts.CaseFact;

/**
 * Which guideline section governs a requested item and why: for California the MTUS first, ODG
 * where the MTUS does not address the request (8 CCR 9792.21.1); elsewhere ODG.
 * {@code section} is a catalogue section id, the name of the DRL file holding that section's criteria.
 */
public record Governs(String itemId, String section, String chapter, String why,
                      int caseKey) implements CaseFact {

    /** A result for the only case in its session (key 0). */
    public Governs(String itemId, String section, String chapter, String why) {
        this(itemId, section, chapter, why, 0);
    }

}
