package urcheck.catalogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every section and criterion urcheck knows, in catalogue order (which is also report order). */
public final class CriteriaCatalogue {

    private final Map<String, SectionEntry> sections = new LinkedHashMap<>();
    private final Map<String, CriterionEntry> criteria = new LinkedHashMap<>();
    private final Map<String, Integer> order = new LinkedHashMap<>();

    public CriteriaCatalogue(List<SectionEntry> sectionList) {
        for (SectionEntry s : sectionList) {
            if (sections.put(s.id(), s) != null) {
                throw new IllegalArgumentException("catalogue section " + s.id() + " is listed twice");
            }
            for (CriterionEntry c : s.criteria()) {
                if (criteria.put(c.id(), c) != null) {
                    throw new IllegalArgumentException("criterion " + c.id() + " is listed twice in the catalogue");
                }
                order.put(c.id(), order.size());
            }
        }
    }

    public CriterionEntry criterion(String id) {
        return criteria.get(id);
    }

    public SectionEntry section(String id) {
        return sections.get(id);
    }

    public Collection<SectionEntry> sections() {
        return sections.values();
    }

    public Collection<CriterionEntry> criteria() {
        return criteria.values();
    }

    /** Position in the catalogue, for a stable report order. */
    public int orderOf(String criterionId) {
        return order.getOrDefault(criterionId, Integer.MAX_VALUE);
    }
}
