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

    public InvalidSettingsException(String channelId, List<Problem> problems) {
        super("channel '" + channelId + "': " + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
