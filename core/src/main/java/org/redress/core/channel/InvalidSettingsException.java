package org.redress.core.channel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings given for a channel instance are wrong. Each problem names the setting and what is wrong
 * with it, so a person can fix the configuration without reading code.
 */
public class InvalidSettingsException extends ChannelException {
    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong with one setting.
     *
     * @param key     the setting's name
     * @param problem what is wrong and what is expected
     */
    public record Problem(String key, String problem) {
        @Override
        public String toString() {
            return "setting '" + key + "' " + problem;
        }
    }

    private final transient List<Problem> problems;

    /**
     * Every problem with one instance's settings, in one exception.
     *
     * @param channelId the plugin whose settings they are
     * @param problems what is wrong, one problem per setting
     */
    public InvalidSettingsException(String channelId, List<Problem> problems) {
        super("channel '" + channelId + "': " + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /**
     * What is wrong, one problem per setting.
     *
     * @return the problems, in the order found
     */
    public List<Problem> problems() {
        return problems;
    }
}
