package com.housecall.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.InboundEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

/**
 * Rules across the services, checked here where every service is on one classpath (main classes only): one owner
 * for the consultation's status, one typed way in for consumers.
 */
class PlatformArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.housecall");

    /**
     * booking.events.v1 announces the consultation's status moves (requested, held, confirmed, unfulfilled,
     * completed, cancelled): only booking-service makes those events; the others hear them.
     */
    @Test
    void onlyBookingMakesTheEventsThatMoveAConsultation() {
        noClasses().that().resideOutsideOfPackages("com.housecall.booking..", "com.housecall.events..")
                .should().callConstructorWhere(DescribedPredicate.describe("a booking event",
                        call -> call.getTargetOwner().getPackageName().equals("com.housecall.events.booking")))
                .because("the consultation's status has one owner, booking-service (issue 13)")
                .check(MAIN);
    }

    /** Handlers register with EventHandlers by type; the console alone records every type as it came. */
    @Test
    void consumersUseTheOneTypedWayIn() {
        noClasses().that().resideOutsideOfPackages("com.housecall.messaging..", "com.housecall.console..")
                .should().callMethod(EventHandlers.class, "onEveryType", Consumer.class)
                .orShould().callMethod(InboundEvent.class, "from", Message.class)
                .because("EventHandlers decodes by the catalogue, checks the subject and skips other types")
                .check(MAIN);
    }
}
