package org.redress.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import org.redress.app.store.Complaints;
import org.redress.app.store.DeskAudit;

/**
 * The layers inside app (README, "Architecture") as ArchUnit rules: entry points (web, cli, engine) call use cases
 * (desk, intake, schedule), which call the stores; only the stores speak SQL. {@link AppLayersTest} checks them
 * against the real classes; {@link AppLayersBiteTest} proves each one fails on a class that crosses it.
 */
final class AppLayers {

    private AppLayers() {
    }

    static final String ENTRY_POINTS = "entry points";
    static final String USE_CASES = "use cases";
    static final String STORES = "stores";
    static final String SUPPORT = "support";

    static final ArchRule app_is_layered_entry_points_over_use_cases_over_stores = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.redress.app..")
            // an empty layer is no violation, so that the bite test fails for the crossing and nothing else
            .withOptionalLayers(true)
            .layer(ENTRY_POINTS).definedBy("org.redress.app", "org.redress.app.web..", "org.redress.app.cli..", "org.redress.app.engine..")
            .layer(USE_CASES).definedBy("org.redress.app.desk..", "org.redress.app.intake..", "org.redress.app.schedule..")
            .layer(STORES).definedBy("org.redress.app.store..")
            // what every layer above the stores may read: the configuration, the channel registry, language detection
            .layer(SUPPORT).definedBy("org.redress.app.config..", "org.redress.app.channels..", "org.redress.app.language..")
            .whereLayer(ENTRY_POINTS).mayNotBeAccessedByAnyLayer()
            .whereLayer(USE_CASES).mayOnlyBeAccessedByLayers(ENTRY_POINTS)
            .whereLayer(STORES).mayOnlyBeAccessedByLayers(ENTRY_POINTS, USE_CASES)
            .whereLayer(SUPPORT).mayOnlyBeAccessedByLayers(ENTRY_POINTS, USE_CASES)
            .because("a handler parses, calls one use case and renders; a use case applies core's rules over the stores");

    static final ArchRule only_the_stores_touch_jdbi = noClasses()
            .that().resideInAPackage("org.redress.app..")
            .and().resideOutsideOfPackage("org.redress.app.store..")
            .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
            .because("all SQL lives in app.store, one writer per table; use cases pass a store.Tx to make writes atomic");

    static final ArchRule app_packages_are_free_of_cycles = slices()
            .matching("org.redress.app.(*)..").namingSlices("app package $1")
            .should().beFreeOfCycles();

    /** The desk's services: its use cases, stores and jobs, as opposed to the values they hand back. */
    private static final DescribedPredicate<JavaClass> A_SERVICE = resideInAnyPackage("org.redress.app.desk..", "org.redress.app.store..",
            "org.redress.app.intake..", "org.redress.app.schedule..", "org.redress.app.engine..")
            .and(not(assignableTo(Record.class))).and(not(assignableTo(Enum.class))).and(not(assignableTo(Throwable.class)))
            .as("a service of the desk (a use case, store or job)");

    static final ArchRule the_web_layer_is_no_service_locator = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("org.redress.app.web..")
            .should().haveRawReturnType(A_SERVICE)
            .because("pages and route groups take their services from the Desk, not from each other");

    static final ArchRule entry_points_leave_the_audit_to_the_use_cases = noClasses()
            .that().resideInAnyPackage("org.redress.app", "org.redress.app.web..", "org.redress.app.cli..", "org.redress.app.engine..")
            .should().callMethodWhere(DescribedPredicate.describe("DeskAudit.record",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(DeskAudit.class) && call.getName().equals("record")))
            .because("each use case writes its own audit record, whichever entry point called it");

    static final ArchRule entry_points_change_complaints_only_through_use_cases = noClasses()
            .that().resideInAnyPackage("org.redress.app", "org.redress.app.web..", "org.redress.app.cli..", "org.redress.app.engine..")
            .should().callMethodWhere(DescribedPredicate.describe("a change of Complaints",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Complaints.class) && call.getName().startsWith("change")))
            .because("a change goes through a use case, which validates it and keeps what belongs with it in one transaction");
}
