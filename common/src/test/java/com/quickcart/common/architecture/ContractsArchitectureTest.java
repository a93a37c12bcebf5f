package com.quickcart.common.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The event contracts are a vocabulary every service can depend on: plain records, no framework. */
class ContractsArchitectureTest {

    private static final JavaClasses COMMON = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quickcart.common");

    @Test
    void contractsDependOnNothingButTheJdkAndJsonTrees() {
        classes().that().resideInAPackage("com.quickcart.common.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.quickcart.common.events..",
                        "com.fasterxml.jackson.databind", "com.fasterxml.jackson.databind.node")
                .because("a service reading an event must not pull in Kafka, Spring or JDBC")
                .check(COMMON);
    }

    @Test
    void everyContractIsAnImmutableRecordOrAnEnum() {
        classes().that().resideInAPackage("com.quickcart.common.events.(*)..").and().areTopLevelClasses()
                .should().beRecords().orShould().beEnums()
                .check(COMMON);
    }
}
