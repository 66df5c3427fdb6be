package com.housecall.screening.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The clinical rules stay plain Java: no framework, no database, no messaging reaches into them. */
class RulesArchitectureTest {

    @Test
    void rulesDependOnNoFramework() {
        noClasses().that().resideInAPackage("com.housecall.screening.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "org.apache.kafka..", "tools.jackson..", "com.housecall.messaging..", "com.housecall.events..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.housecall.screening.rules"));
    }
}
