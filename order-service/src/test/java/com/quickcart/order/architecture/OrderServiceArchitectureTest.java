package com.quickcart.order.architecture;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

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

    @Test
    void sqlRunsOnlyInRepositories() {
        noClasses().that().areNotAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .because("a handler or the saga that writes a table directly bypasses the feature that owns it")
                .check(ORDER_SERVICE);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesRepository() {
        classes().that().areAnnotatedWith(Repository.class)
                .should(onlyBeUsedInsideTheirFeatureOrByTheListeners())
                .because("a feature publishes what others may ask of it as an interface (UserAccounts, Products,"
                        + " CustomerOrders, WalletStatement, AuditTrail); its tables stay its own (docs/adr/0026)")
                .check(ORDER_SERVICE);
    }

    /** The listeners in {@code messaging} hand events to the read models directly: no rule sits between a fact and its projection. */
    private static ArchCondition<JavaClass> onlyBeUsedInsideTheirFeatureOrByTheListeners() {
        return new ArchCondition<>("only be used inside their own feature or by the listeners") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String feature = feature(repository);
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    String from = feature(dependency.getOriginClass());
                    if (!from.equals(feature) && !from.equals("messaging")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The first package below {@code com.quickcart.order}: the feature a class belongs to. */
    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring("com.quickcart.order".length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }
}
