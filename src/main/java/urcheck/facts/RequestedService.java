package urcheck.facts;

import java.util.List;
import urcheck.levels.Joint;
import urcheck.levels.Levels;

/**
 * One item of a request for authorization, as the request words it and as urcheck understood it.
 * {@code sessions} is how many separate procedures the item asks for (a "series" is more than one);
 * {@code sessionsStated} says whether the request said so or the single procedure was taken as read.
 */
public record RequestedService(String id, String request, ServiceType service, Purpose purpose,
                               Region region, Levels levels, Laterality laterality,
                               int sessions, boolean sessionsStated, Integer visits,
                               PhysicalMedicineDiagnosis diagnosis, List<String> cpt,
                               String primaryItem, Boolean repeat, boolean stagedSides, Integer set,
                               String alternativeTo,
                               int caseKey) implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public RequestedService(String id, String request, ServiceType service, Purpose purpose, Region region, Levels
            levels, Laterality laterality, int sessions, boolean sessionsStated, Integer visits,
            PhysicalMedicineDiagnosis diagnosis, List<String> cpt, String primaryItem, Boolean repeat, boolean
            stagedSides, Integer set, String alternativeTo) {
        this(id, request, service, purpose, region, levels, laterality, sessions, sessionsStated, visits, diagnosis,
                cpt, primaryItem, repeat, stagedSides, set, alternativeTo, 0);
    }

    /** The same fact for the case with {@code key}. */
    public RequestedService withCaseKey(int key) {
        return key == caseKey ? this : new RequestedService(id, request, service, purpose, region, levels, laterality,
                sessions, sessionsStated, visits, diagnosis, cpt, primaryItem, repeat, stagedSides, set,
                alternativeTo, key);
    }

    public RequestedService {
        cpt = cpt == null ? List.of() : List.copyOf(cpt);
    }

    public boolean associated() {
        return service.associated();
    }

    /** Levels are known when stated and read without ambiguity. */
    public boolean levelsKnown() {
        return levels != null && !levels.ambiguous();
    }

    /**
     * False when the levels name a target these guidelines do not cover (occiput-C1, C1-C2): the facet rules
     * then classify nothing and the item is answered "not covered" (determination.drl).
     */
    public boolean facetTarget() {
        return levels == null || !levels.namesUncoveredTarget();
    }

    /** Joint levels requested; bilateral counts once, as in ODG's "two levels bilaterally". */
    public int jointCount() {
        return levels == null ? 0 : levels.joints().size();
    }

    public List<Joint> joints() {
        return levels == null ? List.of() : levels.joints();
    }

    /** More than one separate procedure; one set done a side at a time ("right, then left") is not a series. */
    public boolean series() {
        return sessions > 1 && !stagedSides;
    }

    /** Separate procedures asked for: one set done a side at a time ("right, then left") is one. */
    public int procedures() {
        return stagedSides ? 1 : sessions;
    }

    /** The request says it is a later set ("second set"): it repeats an earlier one. */
    public boolean laterSet() {
        return set != null && set > 1;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("requested: ").append(service.label());
        if (purpose != null) {
            s.append(", purpose ").append(purpose.name().toLowerCase());
        }
        if (region != null) {
            s.append(", ").append(region.label());
        }
        if (levels != null) {
            s.append(", levels ").append(levels.describe());
        }
        if (laterality != null) {
            s.append(", ").append(laterality.label());
        }
        if (sessionsStated || sessions > 1) {
            s.append(", ").append(sessions).append(sessions == 1 ? " session" : " sessions");
        }
        if (stagedSides) {
            s.append(", one side at a time");
        }
        if (set != null) {
            s.append(", set ").append(set);
        }
        if (alternativeTo != null) {
            s.append(", alternative to item ").append(alternativeTo);
        }
        if (visits != null) {
            s.append(", ").append(visits).append(" visits");
        }
        if (diagnosis != null) {
            s.append(", diagnosis ").append(diagnosis.label());
        }
        if (!cpt.isEmpty()) {
            s.append(", CPT ").append(String.join(" ", cpt));
        }
        return s.toString();
    }
}
