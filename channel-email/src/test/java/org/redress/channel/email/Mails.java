package org.redress.channel.email;

/** Small raw messages of our own making for tests. */
final class Mails {

    private Mails() {
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
