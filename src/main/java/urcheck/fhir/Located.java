package urcheck.fhir;

import org.hl7.fhir.r4.model.Resource;

/** A resource and where it was found, e.g. {@code Bundle.entry[3].resource(ServiceRequest/abc)}: errors and notes name it. */
record Located<T extends Resource>(T resource, String path) {

    /** {@code ServiceRequest/abc}, or the type alone for a resource without an id. */
    String reference() {
        String id = resource.getIdElement().getIdPart();
        return id == null ? resource.fhirType() : resource.fhirType() + "/" + id;
    }

    String at(String element) {
        return path + "." + element;
    }
}
