package org.redress.channel.email;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

class EmailChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new EmailChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        switch (scenario) {
            case ORDINARY -> {
                write(dir, "001.eml", Mails.plain("a1@customer.example", "Ana Pop <ana@customer.example>",
                        "Parcel never arrived", "My order 5512 was due on Monday and never came."));
                write(dir, "002.eml", Mails.html("b2@customer.example", "bob@customer.example", "Double charge",
                        "<p>You charged me <b>twice</b> for March.</p><script>alert(1)</script>"));
                write(dir, "003.eml", Mails.plain("c3@customer.example", "Ion <ion@customer.example>",
                        "Router", "Internet is down since yesterday."));
            }
            case GARBAGE -> {
                write(dir, "001.eml", Mails.plain("g1@customer.example", "ana@customer.example", "Hello", "Fine mail."));
                Files.write(dir.resolve("002.eml"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7, 8, 0, 1, 2});
                write(dir, "003.eml", "no headers here at all, just a line of text\n");
                Files.write(dir.resolve("004.eml"), new byte[0]);
                write(dir, "005.eml", Mails.plain("g5@customer.example", "ion@customer.example", "Still here", "After the junk."));
            }
            case AUTOMATED -> {
                write(dir, "001.eml", Mails.plain("h1@customer.example", "ana@customer.example", "Refund", "Where is my refund?"));
                write(dir, "002.eml", "Auto-Submitted: auto-replied\r\n" + Mails.plain("h2@customer.example",
                        "bob@customer.example", "Out of Office: Refund", "I am away until Monday."));
                write(dir, "003.eml", Mails.bounce("h3@mx.example", "h1@desk.example"));
                write(dir, "004.eml", "List-Id: <news.shop.example>\r\nPrecedence: bulk\r\n"
                        + Mails.plain("h4@shop.example", "news@shop.example", "Our deals", "Buy now."));
            }
            case FOLLOW_UP -> {
                write(dir, "001.eml", Mails.plain("orig@customer.example", "ana@customer.example", "Broken kettle",
                        "The kettle you sold me leaks."));
                write(dir, "002.eml", "In-Reply-To: <reply-from-desk@desk.example>\r\n"
                        + "References: <orig@customer.example> <reply-from-desk@desk.example>\r\n"
                        + Mails.plain("follow@customer.example", "ana@customer.example", "Re: Broken kettle",
                        "Here is the photo you asked for.\n\n> On Monday the desk wrote:\n> Please send a photo."));
            }
        }
        return Map.of(EmailChannelPlugin.DIRECTORY, dir.toString());
    }

    private static void write(Path dir, String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
