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
import org.redress.app.violation.AppUsingChannel;
import org.redress.app.violation.AppUsingMail;
import org.redress.channel.email.violation.EmailUsingApp;
import org.redress.channel.phonelog.violation.PhoneLogUsingIntake;
import org.redress.channel.social.violation.SocialUsingEmail;
import org.redress.core.cyclea.A;
import org.redress.core.cycleb.B;
import org.redress.core.violation.CoreUsingApp;
import org.redress.core.violation.CoreUsingCsv;
import org.redress.core.violation.CoreUsingJackson;

/**
 * A rule that cannot fail guards nothing. Each border rule is run here over a class of this test source set
 * that crosses it on purpose (the real check, {@link BordersTest}, leaves test classes out), and must
 * report the violation.
 */
class BordersBiteTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("core_depends_on_no_channel_and_not_on_app",
                        Borders.core_depends_on_no_channel_and_not_on_app, new Class<?>[] {CoreUsingApp.class}),
                Arguments.of("core_depends_on_the_jdk_alone",
                        Borders.core_depends_on_the_jdk_alone, new Class<?>[] {CoreUsingJackson.class}),
                Arguments.of("channels_do_not_depend_on_each_other",
                        Borders.channels_do_not_depend_on_each_other, new Class<?>[] {SocialUsingEmail.class,
                                org.redress.channel.email.EmailChannelPlugin.class}),
                Arguments.of("channels_use_core_only_through_the_spi_and_domain_values",
                        Borders.channels_use_core_only_through_the_spi_and_domain_values,
                        new Class<?>[] {PhoneLogUsingIntake.class}),
                Arguments.of("channels_do_not_depend_on_app",
                        Borders.channels_do_not_depend_on_app, new Class<?>[] {EmailUsingApp.class}),
                Arguments.of("app_reaches_channels_only_through_the_spi",
                        Borders.app_reaches_channels_only_through_the_spi, new Class<?>[] {AppUsingChannel.class}),
                Arguments.of("core_has_no_package_cycles",
                        Borders.core_has_no_package_cycles, new Class<?>[] {A.class, B.class}),
                Arguments.of("vendor_mail_types_stay_in_the_email_channel",
                        Borders.vendor_mail_types_stay_in_the_email_channel, new Class<?>[] {AppUsingMail.class}),
                Arguments.of("vendor_csv_types_stay_in_the_phone_log_channel",
                        Borders.vendor_csv_types_stay_in_the_phone_log_channel, new Class<?>[] {CoreUsingCsv.class}));
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
        assertThat(BordersTest.class.getDeclaredField(name).get(null)).as("BordersTest." + name).isSameAs(rule);
    }
}
