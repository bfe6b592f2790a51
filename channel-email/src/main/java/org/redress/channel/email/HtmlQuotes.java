package org.redress.channel.email;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Cuts the quoted history out of an HTML reply by the containers mail clients put it in: Gmail's
 * {@code .gmail_quote}, Apple Mail's and Thunderbird's {@code blockquote type=cite} with its
 * {@code .moz-cite-prefix}, Outlook's {@code #divRplyFwdMsg}, {@code #appendonsend}, the
 * {@code border-top} header block and {@code #OLK_SRC_BODY_SECTION}, Yahoo's {@code .yahoo_quoted}, and a
 * reply separated from the quote by nothing but {@code <hr>}. What is left goes to {@link HtmlText} and then
 * to {@link ReplyText} for the "On ... wrote:" line above the quote.
 */
final class HtmlQuotes {

    /** Containers holding only the quote. */
    private static final List<String> QUOTE_CONTAINERS = List.of(
            "blockquote[type=cite]", ".gmail_quote", ".gmail_extra > .gmail_quote", ".yahoo_quoted", "#OLK_SRC_BODY_SECTION",
            "div[name=quote]", "blockquote.zmail_extra", "div.zmail_extra", ".protonmail_quote", "#mail-editor-reference-message-container");
    /** Markers after which everything is the quote. */
    private static final List<String> QUOTE_STARTS = List.of(
            "#divRplyFwdMsg", "#appendonsend", ".moz-cite-prefix", "div[style~=(?i)border-top:\\s*solid\\s*#?[a-z0-9]+\\s*1\\.0pt]",
            "div[style~=(?i)border:none;\\s*border-top:solid]", "#Zm-_Id_-Sgn", "hr#stopSpelling", "hr");

    private HtmlQuotes() {
    }

    /** The whole text of an HTML mail and its new part, from one parse. */
    record Texts(String full, String reply) {
    }

    /** The readable new text of an HTML reply. */
    static String reply(String html) {
        return texts(html).reply();
    }

    static Texts texts(String html) {
        Parsed parsed = parse(html);
        return new Texts(parsed.full(), parsed.reply());
    }

    /** An HTML mail parsed once: its whole text at once, its new text when asked (which may take longer). */
    static Parsed parse(String html) {
        Document doc = Jsoup.parse(html);
        return new Parsed(doc, HtmlText.toText(doc));
    }

    /** A parsed HTML mail and its whole text. */
    record Parsed(Document doc, String full) {

        /** The new text; removes the quoted parts from the document, so it is asked once. */
        String reply() {
            for (String css : QUOTE_CONTAINERS) {
                doc.select(css).remove();
            }
            for (String css : QUOTE_STARTS) {
                Element marker = doc.selectFirst(css);
                if (marker != null && hasTextBefore(doc, marker)) {
                    removeFrom(marker);
                }
            }
            // a bare blockquote after the last text is a quote too (clients that mark nothing)
            Element last = doc.select("body > blockquote, body > div > blockquote").last();
            if (last != null && last.nextElementSiblings().stream().allMatch(e -> e.text().isBlank()) && hasTextBefore(doc, last)) {
                last.remove();
            }
            String text = ReplyText.of(HtmlText.toText(doc));
            return text.isBlank() ? ReplyText.of(full) : text;
        }
    }

    private static boolean hasTextBefore(Document doc, Element marker) {
        StringBuilder text = new StringBuilder();
        for (Node n = marker; n != null && n != doc.body(); n = n.parent()) {
            for (Node sibling = n.previousSibling(); sibling != null; sibling = sibling.previousSibling()) {
                text.append(sibling instanceof Element e ? e.text() : sibling.toString().replaceAll("<[^>]*>", ""));
                if (!text.toString().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes the marker and everything after it in document order. */
    private static void removeFrom(Element marker) {
        Node node = marker;
        while (node != null && !(node instanceof Element e && e.normalName().equals("body"))) {
            Node parent = node.parent();
            Node next = node.nextSibling();
            while (next != null) {
                Node after = next.nextSibling();
                next.remove();
                next = after;
            }
            if (node == marker) {
                node.remove();
            }
            node = parent;
        }
    }
}
