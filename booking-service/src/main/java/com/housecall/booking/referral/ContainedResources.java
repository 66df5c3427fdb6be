package com.housecall.booking.referral;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/** The resources a referral carries inside itself ({@code contained}), found by local reference. Plain Java. */
final class ContainedResources {

    private ContainedResources() {
    }

    /** The contained resource a reference points at ({@code #id}), or null. */
    static Resource resolve(ServiceRequest referral, Reference reference) {
        if (reference == null) {
            return null;
        }
        IBaseResource resolved = reference.getResource();
        if (resolved instanceof Resource resource && referral.getContained().contains(resource)) {
            return resource;
        }
        String target = reference.getReference();
        if (target == null || !target.startsWith("#")) {
            return null;
        }
        for (Resource contained : referral.getContained()) {
            String id = contained.getIdElement().getIdPart();
            if (id != null && (id.equals(target) || ("#" + id).equals(target))) {
                return contained;
            }
        }
        return null;
    }

    /** The FHIRPath of a contained resource: {@code ServiceRequest.contained[1]}. */
    static String path(ServiceRequest referral, Resource contained) {
        List<Resource> all = referral.getContained();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == contained) {
                return "ServiceRequest.contained[" + i + "]";
            }
        }
        return "ServiceRequest.contained";
    }
}
