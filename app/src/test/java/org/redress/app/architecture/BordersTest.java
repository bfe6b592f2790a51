package org.redress.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every border rule over every production class of every module (app's test class path holds them all). */
@AnalyzeClasses(packages = "org.redress", importOptions = ImportOption.DoNotIncludeTests.class)
class BordersTest {

    @ArchTest
    static final ArchRule core_depends_on_no_channel_and_not_on_app = Borders.core_depends_on_no_channel_and_not_on_app;
    @ArchTest
    static final ArchRule core_depends_on_the_jdk_alone = Borders.core_depends_on_the_jdk_alone;
    @ArchTest
    static final ArchRule channels_do_not_depend_on_each_other = Borders.channels_do_not_depend_on_each_other;
    @ArchTest
    static final ArchRule channels_use_core_only_through_the_spi_and_domain_values =
            Borders.channels_use_core_only_through_the_spi_and_domain_values;
    @ArchTest
    static final ArchRule channels_do_not_depend_on_app = Borders.channels_do_not_depend_on_app;
    @ArchTest
    static final ArchRule app_reaches_channels_only_through_the_spi = Borders.app_reaches_channels_only_through_the_spi;
    @ArchTest
    static final ArchRule core_has_no_package_cycles = Borders.core_has_no_package_cycles;
    @ArchTest
    static final ArchRule vendor_mail_types_stay_in_the_email_channel = Borders.vendor_mail_types_stay_in_the_email_channel;
    @ArchTest
    static final ArchRule vendor_csv_types_stay_in_the_phone_log_channel =
            Borders.vendor_csv_types_stay_in_the_phone_log_channel;
}
