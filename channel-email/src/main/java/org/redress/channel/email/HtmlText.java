package org.redress.channel.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** HTML mail to readable text with jsoup: block elements become line breaks, script and style vanish. */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlText() {
    }

    static String toText(String html) {
        return toText(Jsoup.parse(html));
    }

    static String toText(Node root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipping;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && SKIPPED.contains(e.normalName())) {
                    skipping++;
                } else if (skipping == 0) {
                    if (node instanceof TextNode t) {
                        out.append(t.text());
                    } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                        out.append('\n');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && SKIPPED.contains(e.normalName())) {
                    skipping--;
                } else if (skipping == 0 && node instanceof Element e && BLOCKS.contains(e.normalName())
                        && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        }, root);
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
