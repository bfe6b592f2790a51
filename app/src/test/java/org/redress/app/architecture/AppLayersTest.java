package org.redress.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers inside app over its production classes. */
@AnalyzeClasses(packages = "org.redress.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppLayersTest {

    @ArchTest
    static final ArchRule app_is_layered_entry_points_over_use_cases_over_stores = AppLayers.app_is_layered_entry_points_over_use_cases_over_stores;
    @ArchTest
    static final ArchRule only_the_stores_touch_jdbi = AppLayers.only_the_stores_touch_jdbi;
    @ArchTest
    static final ArchRule app_packages_are_free_of_cycles = AppLayers.app_packages_are_free_of_cycles;
    @ArchTest
    static final ArchRule the_web_layer_is_no_service_locator = AppLayers.the_web_layer_is_no_service_locator;
    @ArchTest
    static final ArchRule entry_points_leave_the_audit_to_the_use_cases = AppLayers.entry_points_leave_the_audit_to_the_use_cases;
    @ArchTest
    static final ArchRule entry_points_change_complaints_only_through_use_cases =
            AppLayers.entry_points_change_complaints_only_through_use_cases;
}
