package com.housecall.dispatch.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The scheduling engine stays plain Java: no framework, no database, no messaging reaches into it. */
class SchedulingArchitectureTest {

    @Test
    void schedulingDependsOnNoFramework() {
        noClasses().that().resideInAPackage("com.housecall.dispatch.scheduling..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "org.apache.kafka..", "tools.jackson..", "com.housecall.messaging..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.housecall.dispatch.scheduling"));
    }
}
