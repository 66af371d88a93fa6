package urcheck.levels;

import urcheck.facts.Region;

/**
 * A facet joint level, named by the vertebrae above and below it ("C2-C3", "L5-S1"). ODG counts
 * levels as joints: L4-L5 is one level whichever nerves block it and on however many sides.
 */
public record Joint(String upper, String lower, Region region, int order) implements Comparable<Joint> {

    public String name() {
        return upper + "-" + lower;
    }

    @Override
    public int compareTo(Joint o) {
        return Integer.compare(order, o.order);
    }

    @Override
    public String toString() {
        return name();
    }
}
