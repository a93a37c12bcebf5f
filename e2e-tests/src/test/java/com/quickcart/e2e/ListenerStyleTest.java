package com.quickcart.e2e;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.inbox.Inbox;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Every consumer in the five services has one shape: a table from event type to method
 * ({@code EventRouter}), which is the only caller of the inbox. Checked on the compiled services.
 */
class ListenerStyleTest {

    private static final JavaClasses SERVICES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quickcart.ingress", "com.quickcart.order", "com.quickcart.payment",
                    "com.quickcart.delivery", "com.quickcart.notifier");

    @Test
    void listenersRouteThroughTheEventTableNotTheirOwnInboxCallsOrTypeChecks() {
        noClasses().should().callMethodWhere(target(declaredIn(Inbox.class)))
                .orShould().callMethod(EventEnvelope.class, "is", Class.class)
                .because("a listener is a table from event type to method (EventRouter.on / onCallingOut): one way to"
                        + " consume, so a new event is one line in it")
                .check(SERVICES);
    }
}
