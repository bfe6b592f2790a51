package org.redress.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.app.cli.violation.CliChangingComplaint;
import org.redress.app.config.violation.ConfigUsingDesk;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.store.Complaints;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.violation.StoreUsingDesk;
import org.redress.app.web.violation.WebHandingOutStores;
import org.redress.app.web.violation.WebUsingJdbi;
import org.redress.app.web.violation.WebWritingAudit;

/**
 * Each rule of {@link AppLayers}, run over classes of this test source set that cross it on purpose (the real check,
 * {@link AppLayersTest}, leaves test classes out), must report the violation; and each is checked by the real test.
 */
class AppLayersBiteTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("app_is_layered_entry_points_over_use_cases_over_stores",
                        AppLayers.app_is_layered_entry_points_over_use_cases_over_stores, new Class<?>[] {StoreUsingDesk.class, Desk.class}),
                Arguments.of("only_the_stores_touch_jdbi", AppLayers.only_the_stores_touch_jdbi, new Class<?>[] {WebUsingJdbi.class}),
                Arguments.of("app_packages_are_free_of_cycles", AppLayers.app_packages_are_free_of_cycles,
                        new Class<?>[] {ConfigUsingDesk.class, Desk.class, DeskConfig.class}),
                Arguments.of("the_web_layer_is_no_service_locator", AppLayers.the_web_layer_is_no_service_locator,
                        new Class<?>[] {WebHandingOutStores.class, Complaints.class}),
                Arguments.of("entry_points_leave_the_audit_to_the_use_cases", AppLayers.entry_points_leave_the_audit_to_the_use_cases,
                        new Class<?>[] {WebWritingAudit.class, DeskAudit.class}),
                Arguments.of("entry_points_change_complaints_only_through_use_cases",
                        AppLayers.entry_points_change_complaints_only_through_use_cases,
                        new Class<?>[] {CliChangingComplaint.class, Complaints.class}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void each_rule_reports_a_class_that_crosses_it(String name, ArchRule rule, Class<?>[] violators) {
        JavaClasses classes = new ClassFileImporter().importClasses(violators);
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(name + " over " + classes).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void every_rule_is_checked_by_the_real_test(String name, ArchRule rule, Class<?>[] violators) throws Exception {
        assertThat(AppLayersTest.class.getDeclaredField(name).get(null)).as("AppLayersTest." + name).isSameAs(rule);
    }
}
