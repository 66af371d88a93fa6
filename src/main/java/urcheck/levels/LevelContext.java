package urcheck.levels;

/**
 * What the levels are levels of: it decides how lone vertebra names ("L3, L4 and L5") are read. A medial
 * branch block or a neurotomy targets nerves, so a list of names is a list of nerves; an intra-articular
 * injection targets joints, and a list of vertebrae names no joint for certain (docs/level-grammar.md).
 */
public enum LevelContext {
    /** Medial branch blocks, neurotomies and record findings: lone names are medial-branch nerves (the reading since v0.1). */
    MEDIAL_BRANCH,
    /** An intra-articular facet injection: lone names are vertebrae, and which joints they mean is ambiguous. */
    INTRA_ARTICULAR,
    /** A facet injection that says neither medial branch nor intra-articular: nerves or vertebrae, ambiguous. */
    UNSPECIFIED
}
