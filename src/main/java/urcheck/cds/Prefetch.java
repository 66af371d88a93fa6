package urcheck.cds;

/**
 * The data urcheck asks the EHR to send with each call (CDS Hooks prefetch templates), and how a
 * missing key is described on the card: what is not sent is not documented.
 */
enum Prefetch {
    PATIENT("patient", "Patient/{{context.patientId}}", "the patient"),
    CONDITIONS("conditions", "Condition?patient={{context.patientId}}", "conditions (diagnoses, radicular findings, stenosis, fusion)"),
    OBSERVATIONS("observations", "Observation?patient={{context.patientId}}&category=exam,survey,procedure,imaging,social-history",
            "observations (examination findings, relief after earlier procedures)"),
    PROCEDURES("procedures", "Procedure?patient={{context.patientId}}", "procedures (earlier blocks and neurotomies, therapy, fusion)"),
    MEDICATION_STATEMENTS("medicationStatements", "MedicationStatement?patient={{context.patientId}}", "medication statements"),
    MEDICATION_REQUESTS("medicationRequests", "MedicationRequest?patient={{context.patientId}}&intent=order", "medication orders"),
    SERVICE_REQUESTS("serviceRequests", "ServiceRequest?patient={{context.patientId}}",
            "earlier and planned orders (therapy plans, planned surgery, completed procedures)"),
    CARE_PLANS("carePlans", "CarePlan?patient={{context.patientId}}&status=active", "care plans (the treatment plan)"),
    COVERAGE("coverage", "Coverage?patient={{context.patientId}}&status=active", "coverage (the claim's jurisdiction)");

    final String key;
    final String template;
    final String description;

    Prefetch(String key, String template, String description) {
        this.key = key;
        this.template = template;
        this.description = description;
    }
}
