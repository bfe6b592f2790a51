package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.InboundMessage;

/** Mail made to break the parser: it is read, or its trimming is given up, and the thread doing it is freed. */
class HostileMailTest {

    private static String qpMail(String body) {
        return "From: ann@customer.example\r\nTo: desk@example.com\r\nSubject: qp\r\nMessage-ID: <qp@customer.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body;
    }

    @Test
    void half_a_million_soft_line_breaks_in_a_row_are_read_not_a_stack_overflow() {
        MailParser parser = new MailParser(new MachineMail(List.of()), 25L << 20);
        String body = "My order=\r\n" + "=\r\n".repeat(524_288) + " never came.\r\n";
        assertThat(parser.parse(qpMail(body).getBytes(StandardCharsets.US_ASCII), "qp.eml", Instant.EPOCH))
                .isInstanceOfSatisfying(InboundMessage.class, m -> assertThat(m.text()).isEqualTo("My order never came."));
    }

    @Test
    void taking_out_soft_line_breaks_decodes_as_the_library_does() throws Exception {
        List<String> samples = List.of(
                "caf=C3=A9 au lait=\r\nsoft break, then =3D\r\nat a line end",
                "trailing = sign=\nwith LF only=\rand CR only",
                "=3d lower-case hex=\r\n=\r\nand two breaks in a row=\r\n",
                "an escape at the very end =3D",
                "=E2=82=AC=\r\n100 and ==3D odd",
                "no encoding at all\r\njust lines");
        for (String qp : samples) {
            byte[] bytes = qp.getBytes(StandardCharsets.US_ASCII);
            assertThat(decode(MailParser.withoutSoftBreaks(bytes))).as(qp).isEqualTo(decode(bytes));
        }
    }

    private static byte[] decode(byte[] qp) throws Exception {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(qp), "quoted-printable")) {
            return in.readAllBytes();
        }
    }

    @Test
    void a_mail_whose_trimming_runs_out_of_time_is_a_complaint_with_its_whole_text_and_the_trimmer_is_stopped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        MailParser parser = new MailParser(new MachineMail(List.of()), Optional.empty(),
                new MailParser.Limits(25L << 20, 10L << 20, Duration.ofMillis(300)), text -> {
                    started.countDown();
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait(); // a trimmer that never finishes on its own, as the cubic pattern did
                    }
                    stopped.countDown();
                    throw new java.util.concurrent.CancellationException("stopped");
                });
        String mail = Mails.plain("desk@example.com", "ann@customer.example", "Statement",
                "The charge on line 3 is wrong.\n\nFrom: bank\nDate: 1 March\nDe: bank\n");
        var result = parser.parse(mail.getBytes(StandardCharsets.UTF_8), "statement.eml", Instant.EPOCH);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(result).isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.text()).startsWith("The charge on line 3 is wrong.").contains("De: bank");
            assertThat(m.attributes()).containsKey(MailParser.TRIMMING);
        });
        assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the timed-out trimmer's thread is freed").isTrue();
    }

    @Test
    void a_mail_of_a_megabyte_of_quote_marks_is_a_complaint_with_its_whole_text_that_says_why() {
        MailParser parser = new MailParser(new MachineMail(List.of()), Optional.empty(), MailParser.Limits.DEFAULT);
        String mail = Mails.plain("desk@example.com", "ann@customer.example", "Statement",
                "The charge on line 3 is wrong.\n" + ">\n".repeat(ReplyText.MAX_LINES + 10));
        var result = parser.parse(mail.getBytes(StandardCharsets.UTF_8), "quotes.eml", Instant.EPOCH);
        assertThat(result).isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.text()).startsWith("The charge on line 3 is wrong.").hasSizeGreaterThan(2 * ReplyText.MAX_LINES);
            assertThat(m.attributes().get(MailParser.TRIMMING)).contains("more than 40000 lines", "whole text is kept");
        });
    }
}
