package de.efa.registry.embedded;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** Turns down the chatty DEBUG defaults of the driver, Netty, H2 and mongo-java-server in these tests. */
final class QuietLogging {

    private QuietLogging() {
    }

    static void apply() {
        for (String name : new String[] {"org.mongodb", "io.netty", "org.h2", "de.bwaldvogel"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }
}
