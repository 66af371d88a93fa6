package urcheck.cds;

import java.util.List;

/**
 * Where each guideline urcheck checks is published, for External Reference cards. The MTUS is California
 * regulation (8 CCR 9792.20 ff., public); ODG is licensed by its publisher, so the link is the publisher's page.
 */
final class GuidelineLinks {

    record Link(String label, String url) {
    }

    private GuidelineLinks() {
    }

    /** The links for a guideline source as the catalogue names it ("ODG", "MTUS/ACOEM", "MTUS"), or null. */
    static List<Link> of(String source) {
        if (source == null) {
            return null;
        }
        if (source.startsWith("MTUS")) {
            return List.of(new Link("California MTUS: the regulations that adopt the guidelines (8 CCR 9792.20 ff.)",
                    "https://www.dir.ca.gov/t8/9792_20.html"));
        }
        if (source.startsWith("ODG")) {
            return List.of(new Link("ODG (Official Disability Guidelines), published by MCG Health (subscription)",
                    "https://www.mcg.com/odg/"));
        }
        return null;
    }
}
