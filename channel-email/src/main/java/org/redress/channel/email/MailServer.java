package org.redress.channel.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.SourceUnavailableException;

/**
 * How to reach one mail server (IMAP, POP3 or SMTP), and the errors a person can act on when that fails:
 * host unreachable, authentication refused, time-out, each naming the server and the settings involved.
 *
 * @param protocol  {@code imap}, {@code pop3} or {@code smtp}
 * @param security  {@code ssl} (TLS from the first byte), {@code starttls} (required), or {@code none}
 * @param sslTrust  hosts whose certificate is trusted without a chain ({@code *} for all), or null
 */
record MailServer(String protocol, String host, int port, String security, String username, String password,
                  Duration timeout, String sslTrust, String settingPrefix) {

    /** Angus' protocol name: {@code imaps} for IMAP over TLS from the first byte. */
    String javaProtocol() {
        return security.equals("ssl") ? protocol + "s" : protocol;
    }

    Session session() {
        String p = "mail." + javaProtocol() + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", Long.toString(timeout.toMillis()));
        props.setProperty(p + "timeout", Long.toString(timeout.toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(timeout.toMillis()));
        if (security.equals("starttls")) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (sslTrust != null && !sslTrust.isBlank()) {
            props.setProperty(p + "ssl.trust", sslTrust);
        }
        if (protocol.equals("smtp")) {
            props.setProperty(p + "auth", Boolean.toString(username != null && !username.isBlank()));
        }
        // reading must never mark a message read: only commit, after the desk stored it, may do that
        props.setProperty("mail.imap.peek", "true");
        props.setProperty("mail.imaps.peek", "true");
        return Session.getInstance(props);
    }

    Store connect(Session session) throws ChannelException {
        try {
            Store store = session.getStore(javaProtocol());
            store.connect(host, port, username, password);
            return store;
        } catch (MessagingException e) {
            throw explain(e);
        }
    }

    Transport transport(Session session) throws MessagingException {
        Transport transport = session.getTransport(javaProtocol());
        transport.connect(host, port, username == null || username.isBlank() ? null : username,
                username == null || username.isBlank() ? null : password);
        return transport;
    }

    String where() {
        return protocol.toUpperCase() + " server " + host + ":" + port;
    }

    /** A connection failure as a message that names what to check. */
    ChannelException explain(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new ChannelException("authentication failed for user '" + username + "' at " + where()
                    + " (settings " + settingPrefix + "username and " + settingPrefix + "password): "
                    + (e.getMessage() == null ? "refused" : e.getMessage().strip()), e);
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        if (cause instanceof UnknownHostException) {
            return new ChannelException("cannot reach " + where() + ": unknown host (setting " + settingPrefix + "host)", e);
        }
        if (cause instanceof ConnectException || cause instanceof java.net.NoRouteToHostException) {
            // the server is down or the network is: the settings may be right, so the desk starts and tries again
            return new SourceUnavailableException("cannot reach " + where() + ": " + cause.getMessage()
                    + " (settings " + settingPrefix + "host, " + settingPrefix + "port, " + settingPrefix + "security)", e);
        }
        if (cause instanceof SocketTimeoutException) {
            return new SourceUnavailableException(where() + " did not answer within " + timeout.toSeconds() + " s", e);
        }
        return new ChannelException(where() + ": " + e.getMessage(), e);
    }
}
