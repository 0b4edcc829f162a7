package de.efa.registry.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

final class Bench {

    private Bench() {
    }

    static void log(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
        System.out.flush();
    }
}
