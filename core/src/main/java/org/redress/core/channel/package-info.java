/**
 * The channel SPI: how the desk takes in messages from the outside world and sends replies back.
 *
 * <h2>For plugin authors</h2>
 * A channel plugin is a module that depends on {@code redress-core} and compiles against this package
 * (and the domain's value types) only. It provides one {@link org.redress.core.channel.ChannelPlugin}
 * registered in {@code META-INF/services/org.redress.core.channel.ChannelPlugin}.
 *
 * <h2>Who keeps which guarantee</h2>
 * Plugins stay simple because the guarantees live in one place, the desk's intake runner:
 * <ol>
 *   <li>the runner calls {@link org.redress.core.channel.Channel#read(Checkpoint, int)} with the last
 *       committed checkpoint; the plugin maps what it finds after it, and nothing else: it must not mark,
 *       move or delete anything at its source while reading;</li>
 *   <li>the runner dedupes every item on (channel instance, external id), stores it and commits its own
 *       transaction;</li>
 *   <li>only then does the runner call {@link org.redress.core.channel.Channel#commit(Checkpoint)}, where the
 *       plugin may advance its source (an IMAP flag, a moved file, an API since-id).</li>
 * </ol>
 * A crash between 2 and 3 makes the plugin deliver the same items again; the stable external ids turn that
 * into a no-op. Input the plugin cannot understand is returned as a {@link org.redress.core.channel.Quarantined}
 * value carrying its raw bytes and the reason; it never stops the read.
 *
 * <h2>Stability</h2>
 * What enters this package stays in it: add, don't change. Vendor types ({@code jakarta.mail.*},
 * {@code twitter4j.*}, CSV records) never appear in it.
 */
package org.redress.core.channel;
