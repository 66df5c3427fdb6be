package com.housecall.booking.course;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The course planner stays plain Java: no framework, database or messaging reaches into it. */
class CourseArchitectureTest {

    @Test
    void thePlannerDependsOnNoFramework() {
        noClasses().that().resideInAPackage("com.housecall.booking.course..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "org.apache.kafka..", "tools.jackson..", "com.housecall.messaging..", "com.housecall.events..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.housecall.booking.course"));
    }
}
