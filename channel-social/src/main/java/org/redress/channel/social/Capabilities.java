package org.redress.channel.social;

/**
 * What a network allows.
 *
 * @param maxLength      the most characters one post or message may have
 * @param privateReplies whether the desk can answer privately (a DM, a direct status)
 */
record Capabilities(int maxLength, boolean privateReplies) {
}
