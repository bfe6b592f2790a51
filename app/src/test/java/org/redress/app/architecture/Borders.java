package org.redress.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module borders of DESIGN.md §2 as ArchUnit rules. {@link BordersTest} checks them against the real
 * classes; {@link BordersBiteTest} proves each one fails on a class that crosses it.
 */
final class Borders {

    private Borders() {
    }

    /**
     * The packages of core a channel may use: the SPI and the domain's value packages. Add a value package
     * here when the domain grows one that channels need (never a service, port or rule package).
     */
    static final String[] CORE_PACKAGES_FOR_CHANNELS = {"org.redress.core.channel.."};

    static final ArchRule core_depends_on_no_channel_and_not_on_app = noClasses()
            .that().resideInAPackage("org.redress.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.redress.channel..", "org.redress.app..")
            .because("core knows no channel and no infrastructure (DESIGN.md §2)");

    static final ArchRule core_depends_on_the_jdk_alone = classes()
            .that().resideInAPackage("org.redress.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.redress.core..", "java..", "org.slf4j..")
            .because("core has no runtime dependency outside the JDK (slf4j-api at most)");

    static final ArchRule channels_do_not_depend_on_each_other = slices()
            .matching("org.redress.channel.(*)..").namingSlices("channel $1")
            .should().notDependOnEachOther()
            .because("a channel is a module of its own; a new one is one module plus one line in app");

    static final ArchRule channels_use_core_only_through_the_spi_and_domain_values = noClasses()
            .that().resideInAPackage("org.redress.channel..")
            .should().dependOnClassesThat(resideInAPackage("org.redress.core..")
                    .and(not(resideInAnyPackage(CORE_PACKAGES_FOR_CHANNELS))))
            .because("channels see core only through org.redress.core.channel and the domain's value types");

    static final ArchRule channels_do_not_depend_on_app = noClasses()
            .that().resideInAPackage("org.redress.channel..")
            .should().dependOnClassesThat().resideInAPackage("org.redress.app..")
            .because("nothing depends on app");

    static final ArchRule app_reaches_channels_only_through_the_spi = noClasses()
            .that().resideInAPackage("org.redress.app..")
            .should().dependOnClassesThat().resideInAPackage("org.redress.channel..")
            .because("app finds channels with ServiceLoader; it holds them in runtime scope only");

    static final ArchRule core_has_no_package_cycles = slices()
            .matching("org.redress.core.(*)..").namingSlices("core package $1")
            .should().beFreeOfCycles();

    static final ArchRule vendor_mail_types_stay_in_the_email_channel = noClasses()
            .that().resideOutsideOfPackage("org.redress.channel.email..")
            .and().resideInAPackage("org.redress..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
            .because("vendor types never cross the SPI");

    static final ArchRule vendor_csv_types_stay_in_the_phone_log_channel = noClasses()
            .that().resideOutsideOfPackage("org.redress.channel.phonelog..")
            .and().resideInAPackage("org.redress..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
            .because("vendor types never cross the SPI");
}
