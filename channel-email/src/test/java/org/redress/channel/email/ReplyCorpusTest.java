package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;

/**
 * The visible new text of a reply, measured against what four reply-parsing projects expect of their own
 * fixtures in ../shared/corpus/email (path: -Dredress.corpus). Counted are the checks on the visible reply
 * (GitHub and Crisp: visible text or first fragment; Discourse: the trimmed file; Talon: the reply of HTML
 * and .eml replies); checks of a parser's internal fragment list are not ours to meet. Prints every miss and
 * the pass rate per source, and holds a floor per source that only goes up.
 */
class ReplyCorpusTest {

    static final double GITHUB_FLOOR = 1.00;
    static final double CRISP_FLOOR = 0.95;
    static final double DISCOURSE_FLOOR = 0.92;
    static final double TALON_FLOOR = 0.95;

    static Path corpus;
    static final PassRates RESULTS = new PassRates();
    static final List<String> MISSES = new ArrayList<>();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void findCorpus() {
        corpus = PassRates.emailCorpus();
    }

    @AfterAll
    static void report() {
        MISSES.forEach(System.out::println);
        RESULTS.print("reply corpus");
    }

    static void check(String source, String file, String expected, String actual) {
        boolean ok = expected.strip().equals(actual.strip());
        count(source, ok, file, expected, actual);
    }

    static void count(String source, boolean ok, String file, String expected, String actual) {
        RESULTS.count(source, ok);
        if (!ok) {
            MISSES.add("MISS " + source + " " + file + "\n  expected: " + expected.strip().replace("\n", "\\n")
                    + "\n  actual:   " + actual.strip().replace("\n", "\\n"));
        }
    }

    static double rate(String source) {
        return RESULTS.rate(source);
    }

    private String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void github_visible_text() throws Exception {
        Path dir = corpus.resolve("github-email_reply_parser");
        JsonNode expected = json.readTree(dir.resolve("EXPECTED.json").toFile());
        expected.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("_")) {
                return;
            }
            try {
                String text = read(dir.resolve("emails").resolve(e.getKey()));
                String reply = ReplyText.of(text);
                for (JsonNode test : e.getValue()) {
                    for (JsonNode a : test.get("assertions")) {
                        if (a.get("check").asText().equals("visible_text_equals")) {
                            check("github", e.getKey(), a.get("value").asText(), reply);
                        }
                    }
                }
            } catch (Exception ex) {
                throw new IllegalStateException(e.getKey(), ex);
            }
        });
        assertThat(rate("github")).isGreaterThanOrEqualTo(GITHUB_FLOOR);
    }

    @Test
    void crisp_visible_text_and_first_fragment() throws Exception {
        Path dir = corpus.resolve("crisp-email-reply-parser");
        JsonNode expected = json.readTree(dir.resolve("EXPECTED.json").toFile());
        expected.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("_")) {
                return;
            }
            try {
                String text = read(dir.resolve("fixtures").resolve(e.getKey()));
                for (JsonNode test : e.getValue()) {
                    for (JsonNode a : test.get("assertions")) {
                        switch (a.get("check").asText()) {
                            case "visible_text_equals", "visible_text_trimmed_equals", "first_fragment_trimmed_equals" ->
                                    check("crisp", e.getKey(), a.get("value").asText(), ReplyText.of(text));
                            case "template_visible_text_equals" -> {
                                for (JsonNode sub : a.get("substitutions")) {
                                    String filled = text.replace(a.get("placeholder").asText(), sub.asText());
                                    check("crisp", e.getKey() + " [" + sub.asText() + "]", a.get("value").asText(),
                                            ReplyText.of(filled));
                                }
                            }
                            default -> {
                            }
                        }
                    }
                }
            } catch (Exception ex) {
                throw new IllegalStateException(e.getKey(), ex);
            }
        });
        assertThat(rate("crisp")).isGreaterThanOrEqualTo(CRISP_FLOOR);
    }

    @Test
    void discourse_trimmed() throws Exception {
        Path dir = corpus.resolve("discourse-email_reply_trimmer");
        try (var files = Files.list(dir.resolve("emails"))) {
            for (Path email : files.sorted().toList()) {
                Path trimmed = dir.resolve("trimmed").resolve(email.getFileName());
                if (Files.exists(trimmed)) {
                    check("discourse", email.getFileName().toString(), read(trimmed), ReplyText.of(read(email)));
                }
            }
        }
        assertThat(rate("discourse")).isGreaterThanOrEqualTo(DISCOURSE_FLOOR);
    }

    @Test
    void talon_html_and_standard_replies() throws Exception {
        Path dir = corpus.resolve("mailgun-talon");
        JsonNode expected = json.readTree(dir.resolve("EXPECTED.json").toFile());
        JsonNode html = expected.get("html_replies");
        for (JsonNode f : html.get("files")) {
            String reply = HtmlQuotes.reply(read(dir.resolve("html_replies").resolve(f.asText())));
            boolean ok = noSpace(reply).equals(noSpace(html.get("expected_text").asText()));
            count("talon", ok, f.asText(), html.get("expected_text").asText(), reply);
        }
        MailParser parser = new MailParser(new MachineMail(List.of()), 25L * 1024 * 1024);
        JsonNode standard = expected.get("standard_replies");
        for (JsonNode f : standard.get("files")) {
            String name = f.asText();
            String want = switch (name) {
                case "iphone.eml" -> read(dir.resolve("standard_replies/iphone_reply_text"));
                case "sparrow.eml" -> read(dir.resolve("standard_replies/sparrow_reply_text"));
                default -> standard.get("expected_default").asText();
            };
            Inbound item = parser.parse(Files.readAllBytes(dir.resolve("standard_replies").resolve(name)), name, Instant.EPOCH);
            String reply = item instanceof InboundMessage m ? m.text() : "(quarantined)";
            // Talon keeps mobile signatures in this step and cuts them in another; the desk cuts them here
            boolean ok = reply.strip().equals(want.strip()) || reply.strip().equals(ReplyText.of(want));
            count("talon", ok, name, want, reply);
        }
        String olk = HtmlQuotes.reply(read(dir.resolve("OLK_SRC_BODY_SECTION.html")));
        count("talon", noSpace(olk).equals("Reply"), "OLK_SRC_BODY_SECTION.html", "Reply", olk);
        String hr = HtmlQuotes.reply(read(dir.resolve("reply-separated-by-hr.html")));
        count("talon", noSpace(hr).equals("Hithere"), "reply-separated-by-hr.html", "Hi there", hr);
        String shared = ReplyText.of(read(dir.resolve("reply-quotations-share-block.eml")));
        count("talon", !shared.isBlank() && !shared.contains("From"), "reply-quotations-share-block.eml",
                "non-empty, without From", shared);
        assertThat(rate("talon")).isGreaterThanOrEqualTo(TALON_FLOOR);
    }

    private static String noSpace(String s) {
        return s.replaceAll("\\s+", "");
    }
}
