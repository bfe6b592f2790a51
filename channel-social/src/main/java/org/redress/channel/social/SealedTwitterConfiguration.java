package org.redress.channel.social;

import java.util.Properties;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationFactory;
import twitter4j.conf.PropertyConfiguration;

/**
 * twitter4j's global configuration, with nothing in it. twitter4j's own factory reads system properties,
 * {@code twitter4j_*} environment variables and {@code twitter4j.properties} wherever it finds one, and its
 * HTTP layer consults that global configuration; this factory is installed before twitter4j loads so that the
 * desk's configuration is the only one. Public for twitter4j's reflection.
 */
public final class SealedTwitterConfiguration implements ConfigurationFactory {

    static final String PROPERTY = "twitter4j.configurationFactory";

    private static final Configuration EMPTY = new PropertyConfiguration(new Properties());

    /** Installs this factory; must run before the first twitter4j class is initialised. */
    static void install() {
        String current = System.getProperty(PROPERTY);
        if (current == null) {
            System.setProperty(PROPERTY, SealedTwitterConfiguration.class.getName());
        } else if (!current.equals(SealedTwitterConfiguration.class.getName())) {
            throw new IllegalStateException("the system property " + PROPERTY + " is set to " + current
                    + "; remove it: the desk configures X only from its own settings");
        }
    }

    @Override
    public Configuration getInstance() {
        return EMPTY;
    }

    @Override
    public Configuration getInstance(String configTreePath) {
        return EMPTY;
    }

    @Override
    public void dispose() {
        // nothing is cached
    }
}
