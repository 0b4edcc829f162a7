package de.efa.registry.query.dv;

import java.util.Arrays;

/**
 * How the coverage of one service in one region reads on the dashboard ({@code art_flaechendeckung}). The
 * denominators are the inhabited municipalities in force: the directory's 206 unincorporated areas without
 * inhabitants (forests, lakes, coastal waters) adopt no online service, so they neither count as covered nor keep a
 * region from being covered completely.
 */
enum Coverage {

    NATIONWIDE("bundesweit flächendeckend"),
    AT_LEAST_ONE("in mind. einer Kommune verfügbar"),
    STATEWIDE("landesweit flächendeckend"),
    DISTRICTWIDE("kreisweit flächendeckend"),
    NOT_EVALUATED("nicht in Auswertung berücksichtigt");

    private final String text;

    Coverage(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    static String[] texts() {
        return Arrays.stream(values()).map(Coverage::text).toArray(String[]::new);
    }
}
