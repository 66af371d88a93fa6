package urcheck.catalogue;

import java.util.List;

/** A guideline section: one DRL file in rules/ and its catalogue of criteria. */
public record SectionEntry(String id, String title, String guideline, String chapters, String edition,
                           String position, List<CriterionEntry> criteria) {
}
