package urcheck.facts;

/** The clinical facts the criteria read; each is documented present, documented absent, or missing. */
public enum FindingKind {
    RADICULAR_SYMPTOMS("radicular symptoms or signs"),
    RADICULOPATHY_ON_ELECTRODIAGNOSTICS("radiculopathy on electrodiagnostic testing"),
    SPINAL_STENOSIS("spinal stenosis"),
    PRIOR_FUSION("prior spinal fusion"),
    SURGERY_PLANNED("spinal surgery planned or anticipated"),
    FACET_TENDERNESS("paravertebral tenderness over the facets"),
    AXIAL_PAIN("axial (non-radiating) spinal pain"),
    PAINFUL_OR_LIMITED_EXTENSION_ROTATION("painful or limited range of motion (especially extension/rotation)"),
    IMAGING_FACET_FINDINGS("imaging findings of facet pathology at the requested levels"),
    EXTREME_ANXIETY("extreme anxiety about the procedure"),
    NERVE_ROOT_COMPRESSION("nerve-root compression (a competing pain generator)");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
