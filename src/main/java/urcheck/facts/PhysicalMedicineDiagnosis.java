package urcheck.facts;

/** Diagnoses whose physical-medicine visit limits the MTUS Chronic Pain Guidelines set (pp. 98-99). */
public enum PhysicalMedicineDiagnosis {
    MYALGIA_MYOSITIS("myalgia and myositis, unspecified (ICD-9 729.1)"),
    NEURALGIA_NEURITIS_RADICULITIS("neuralgia, neuritis and radiculitis, unspecified (ICD-9 729.2)"),
    CRPS("complex regional pain syndrome (ICD-9 337.2)");

    private final String label;

    PhysicalMedicineDiagnosis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
