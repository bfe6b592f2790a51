package org.redress.channel.email;

/** Small raw messages of our own making for tests. */
final class Mails {

    private Mails() {
    }

    /** The raw messages of a contract scenario, in source order; every channel source lays out these. */
    static java.util.List<byte[]> scenario(org.redress.core.channel.testkit.Scenario scenario) {
        java.util.List<String> texts = switch (scenario) {
            case ORDINARY -> java.util.List.of(
                    plain("a1@customer.example", "Ana Pop <ana@customer.example>", "Parcel never arrived",
                            "My order 5512 was due on Monday and never came.\nFrom now on I will order elsewhere."),
                    html("b2@customer.example", "bob@customer.example", "Double charge",
                            "<p>You charged me <b>twice</b> for March.</p><script>alert(1)</script>"),
                    plain("c3@customer.example", "Ion <ion@customer.example>", "Router", "Internet is down since yesterday."));
            case GARBAGE -> java.util.List.of(
                    plain("g1@customer.example", "ana@customer.example", "Hello", "Fine mail."),
                    "\u0000\u0001\u0002\u0003\u00ff\u0000\u0000\u0007\u0008\u0000\u0001\u0002",
                    "no headers here at all, just a line of text\n",
                    plain("g5@customer.example", "ion@customer.example", "Still here", "After the junk."));
            case AUTOMATED -> java.util.List.of(
                    plain("h1@customer.example", "ana@customer.example", "Refund", "Where is my refund?"),
                    "Auto-Submitted: auto-replied\r\n" + plain("h2@customer.example", "bob@customer.example",
                            "Out of Office: Refund", "I am away until Monday."),
                    bounce("h3@mx.example", "h1@desk.example"),
                    "List-Id: <news.shop.example>\r\nPrecedence: bulk\r\n"
                            + plain("h4@shop.example", "news@shop.example", "Our deals", "Buy now."));
            case FOLLOW_UP -> java.util.List.of(
                    plain("orig@customer.example", "ana@customer.example", "Broken kettle", "The kettle you sold me leaks."),
                    "In-Reply-To: <reply-from-desk@desk.example>\r\n"
                            + "References: <orig@customer.example> <reply-from-desk@desk.example>\r\n"
                            + plain("follow@customer.example", "ana@customer.example", "Re: Broken kettle",
                            "Here is the photo you asked for.\n\n> On Monday the desk wrote:\n> Please send a photo."));
        };
        return texts.stream().map(t -> t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1.newEncoder().canEncode(t)
                ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    /** Messages as one mbox: a "From " line before each, "From " at a line start in a body escaped as ">From ". */
    static byte[] mbox(java.util.List<byte[]> messages) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes("From sender@example.com Mon Mar  2 10:15:00 2026\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String text = new String(m, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                    .replaceAll("(?m)^(>*From )", ">$1");
            out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.writeBytes("\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    static String plain(String messageId, String from, String subject, String body) {
        return "Message-ID: <" + messageId + ">\r\n"
                + "From: " + from + "\r\n"
                + "To: support@desk.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 2 Mar 2026 10:15:00 +0200\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n" + body.replace("\n", "\r\n") + "\r\n";
    }

    static String html(String messageId, String from, String subject, String html) {
        return "Message-ID: <" + messageId + ">\r\n"
                + "From: " + from + "\r\n"
                + "To: support@desk.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Tue, 3 Mar 2026 08:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "\r\n<html><body>" + html + "</body></html>\r\n";
    }

    static String bounce(String messageId, String originalId) {
        return "Message-ID: <" + messageId + ">\r\n"
                + "Return-Path: <>\r\n"
                + "From: Mail Delivery System <MAILER-DAEMON@mx.example>\r\n"
                + "To: support@desk.example\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Date: Wed, 4 Mar 2026 09:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n"
                + "\r\n--b1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\r\n"
                + "Final-Recipient: rfc822; gone@customer.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <" + originalId + ">\r\n"
                + "--b1--\r\n";
    }
}
