package com.quickcart.order.architecture;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shape order-service keeps as it grows: checked on the compiled classes, no Spring needed. */
class OrderServiceArchitectureTest {

    private static final JavaClasses ORDER_SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quickcart.order");

    @Test
    void theDispatcherAndRoutesKnowNoFeatureBeyondTheMenuTheyFallBackTo() {
        noClasses().that().resideInAPackage("com.quickcart.order.bot..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.quickcart.order.catalog..", "com.quickcart.order.checkout..", "com.quickcart.order.deposit..",
                        "com.quickcart.order.history..", "com.quickcart.order.onboarding..", "com.quickcart.order.support..")
                .because("a new screen registers its routes in its own feature and touches no switch")
                .check(ORDER_SERVICE);
    }

    @Test
    void everyButtonIsARecordWithItsWireFormDeclaredInItsFeaturesButtonsClass() {
        classes().that().implement(Button.class)
                .should().beRecords().andShould().beAnnotatedWith(ButtonData.class)
                .check(ORDER_SERVICE);
        classes().that().implement(Button.class).and().resideOutsideOfPackage("com.quickcart.order.bot.button")
                .should().beNestedClasses().andShould().haveNameMatching(".*Buttons\\$.*")
                .check(ORDER_SERVICE);
    }

    @Test
    void telegramTypesStayInTheBotAdapterTheScreenRenderersAndTheSupportRelay() {
        noClasses().that().resideInAnyPackage("com.quickcart.order.checkout..", "com.quickcart.order.deposit..",
                        "com.quickcart.order.history..", "com.quickcart.order.onboarding..", "com.quickcart.order.account..",
                        "com.quickcart.order.session..", "com.quickcart.order.messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(ORDER_SERVICE);
    }

    @Test
    void orderServicePublishesOnlyThroughItsOutbox() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaOperations")
                .because("an effect and the event announcing it commit together (outbox), or neither does")
                .check(ORDER_SERVICE);
    }
}
