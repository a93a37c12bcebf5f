package com.quickcart.common.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

/**
 * The event contracts are a vocabulary every service can depend on: plain records, no framework.
 * The module's pom already keeps Spring, Kafka and JDBC off its classpath; this keeps Jackson down
 * to the one type the contracts carry (docs/adr/0026).
 */
class ContractsArchitectureTest {

    private static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quickcart");

    @Test
    void contractsDependOnNothingButTheJdkAndJsonTrees() {
        classes().should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.quickcart.common.events..")
                        .or(name("com.fasterxml.jackson.databind.JsonNode")))
                .because("a service reading an event must not pull in Kafka, Spring or JDBC, and a JSON tree is"
                        + " the only Jackson type a contract may carry (an update or Bot API body passed on as it is)")
                .check(CONTRACTS);
    }

    @Test
    void everyContractIsAnImmutableRecordOrAnEnum() {
        classes().that().resideInAPackage("com.quickcart.common.events.(*)..").and().areTopLevelClasses()
                .should().beRecords().orShould().beEnums()
                .check(CONTRACTS);
    }

    @Test
    void paymentAndDeliveryEventsCarryIdsAndAmountsNeverChatsOrLanguages() {
        fields().that().areDeclaredInClassesThat().resideInAnyPackage("com.quickcart.common.events.payment..",
                        "com.quickcart.common.events.delivery..")
                .should().notHaveName("chatId").andShould().notHaveName("language")
                .because("money and goods do not depend on Telegram: order-service knows each order's and each user's"
                        + " chat and language, and speaks to them (docs/adr/0026)")
                .check(CONTRACTS);
    }

    @Test
    void theModuleHoldsContractsOnly() {
        classes().should().resideInAPackage("com.quickcart.common.events..")
                .because("messaging mechanisms and tools belong in common, which depends on this module, not the other way")
                .check(CONTRACTS);
    }
}
