package urcheck.facts;

/**
 * What a listed diagnosis stands for, as far as the criteria care: some are findings the criteria
 * read (radiculopathy, stenosis, nerve-root compression), the rest are shown as context.
 */
public enum DiagnosisCondition {
    RADICULOPATHY("radiculopathy"),
    SPINAL_STENOSIS("spinal stenosis"),
    DISC_HERNIATION("disc herniation"),
    NERVE_ROOT_COMPRESSION("nerve-root compression"),
    FAILED_BACK_SURGERY_SYNDROME("failed back surgery syndrome"),
    FACET_ARTHROPATHY("facet arthropathy"),
    SPONDYLOSIS("spondylosis"),
    SPRAIN_STRAIN("sprain or strain"),
    MYALGIA_MYOSITIS("myalgia or myositis"),
    OTHER("other diagnosis");

    private final String label;

    DiagnosisCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
