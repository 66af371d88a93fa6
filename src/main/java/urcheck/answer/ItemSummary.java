package urcheck.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One item in one line: its outcome in words and what decides it (the criterion not met, or the
 * documentation to add). Shared by the text report's summary and the queue summary of several cases.
 */
final class ItemSummary {

    /** The order a queue is worked in: a physician reviewer's cases first, then requests for information. */
    static final List<String> ACTION_ORDER = List.of("REFER_TO_PHYSICIAN_REVIEWER", "REQUEST_ADDITIONAL_INFORMATION",
            "MAY_BE_APPROVED");

    private static final List<String> OUTCOME_ORDER = List.of("CRITERIA_NOT_MET", "INFORMATION_NEEDED",
            "NOT_COVERED", "CRITERIA_MET");

    private ItemSummary() {
    }

    static String name(ItemAnswer i) {
        return i.request() == null ? i.service().toLowerCase().replace('_', ' ') : i.request();
    }

    /** "Item 6: Criteria not met — ODG-FJTI-1 not met: ...", or "Item 1: follows item 6 (...)". */
    static String line(ItemAnswer i) {
        StringBuilder s = new StringBuilder("Item ").append(i.id()).append(": ").append(i.outcomeLabel());
        List<ItemAnswer.DecidingCriterion> by = i.decidedBy() == null ? List.of() : i.decidedBy();
        boolean followsPrimary = i.primaryItem() != null && !by.isEmpty()
                && by.stream().allMatch(c -> c.id().equals("ASSOC-PRIMARY"));
        String more = by.size() > 1 ? " (+" + (by.size() - 1) + " more)" : "";
        if (followsPrimary) {
            s.append(" — follows item ").append(i.primaryItem());
        } else if ("CRITERIA_NOT_MET".equals(i.outcome()) && !by.isEmpty()) {
            s.append(" — ").append(by.get(0).id()).append(" not met").append(more).append(": ").append(by.get(0).finding());
        } else if ("INFORMATION_NEEDED".equals(i.outcome()) && !by.isEmpty()) {
            s.append(" — document ").append(by.get(0).id()).append(more).append(": ").append(by.get(0).document());
        } else if ("NOT_COVERED".equals(i.outcome())) {
            s.append(" — a physician reviewer decides it");
        } else if (i.primaryItem() != null) {
            s.append(" — with item ").append(i.primaryItem());
        }
        return s.toString();
    }

    /** Whether an associated service only follows its primary: same outcome, decided by nothing of its own. */
    static boolean follows(ItemAnswer i, ItemAnswer primary) {
        if (primary == null || !primary.outcome().equals(i.outcome())) {
            return false;
        }
        boolean ownCriteriaSilent = i.criteria().stream().filter(c -> !c.id().equals("ASSOC-PRIMARY"))
                .allMatch(c -> c.status().equals("MET") || c.status().equals("NOT_APPLICABLE"));
        return ownCriteriaSilent && (i.decidedBy() == null
                || i.decidedBy().stream().allMatch(c -> c.id().equals("ASSOC-PRIMARY")));
    }

    /** Primary procedures (and items on their own) first, then the services that go with them, each in order. */
    static List<ItemAnswer> primariesFirst(List<ItemAnswer> items) {
        List<ItemAnswer> out = new ArrayList<>(items.stream().filter(i -> i.primaryItem() == null).toList());
        out.addAll(items.stream().filter(i -> i.primaryItem() != null).toList());
        return out;
    }

    /** "2 criteria not met, 1 information needed". */
    static String counts(List<ItemAnswer> items) {
        Map<String, Long> byOutcome = items.stream().collect(Collectors.groupingBy(ItemAnswer::outcome,
                LinkedHashMap::new, Collectors.counting()));
        Map<String, String> words = Map.of("CRITERIA_NOT_MET", "criteria not met", "INFORMATION_NEEDED",
                "information needed", "NOT_COVERED", "not covered", "CRITERIA_MET", "criteria met");
        return OUTCOME_ORDER.stream().filter(byOutcome::containsKey)
                .map(o -> byOutcome.get(o) + " " + words.get(o))
                .collect(Collectors.joining(", "));
    }

    static String action(String action) {
        return switch (action) {
            case "MAY_BE_APPROVED" -> "May be approved";
            case "REQUEST_ADDITIONAL_INFORMATION" -> "Request the information from the provider";
            case "REFER_TO_PHYSICIAN_REVIEWER" -> "Refer to a physician reviewer";
            default -> action.replace('_', ' ').toLowerCase();
        };
    }

    static String actionHeading(String action) {
        return switch (action) {
            case "MAY_BE_APPROVED" -> "May be approved";
            case "REQUEST_ADDITIONAL_INFORMATION" -> "Request information from the provider";
            case "REFER_TO_PHYSICIAN_REVIEWER" -> "First: refer to a physician reviewer";
            default -> action;
        };
    }
}
