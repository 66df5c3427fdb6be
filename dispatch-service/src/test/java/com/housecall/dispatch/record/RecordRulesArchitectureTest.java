package com.housecall.dispatch.record;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The visit record's rules stay plain Java: the clinical rules are read and tested without a framework. */
class RecordRulesArchitectureTest {

    @Test
    void theRulesDependOnNoFrameworkNorDatabase() {
        noClasses().that().haveSimpleNameStartingWith("EntryRules").or().haveSimpleNameStartingWith("RecordState")
                .or().haveSimpleNameStartingWith("EscalationRules").or().haveSimpleNameStartingWith("Thresholds")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "tools.jackson..", "java.sql..", "com.housecall.messaging..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.housecall.dispatch.record"));
    }
}
