package de.efa.registry.command.demo.germany;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ReuseModel;

import java.util.List;

/**
 * The online services of the Germany seed: OZG services as citizens and businesses know them, each provided by one
 * state, offered to others ({@code EFA}) or for the providing state only. Which state provides which service is
 * illustrative, not the real EfA allocation.
 * <p>
 * <b>Every LeiKa key here is made up</b>, in the federal catalogue's format ({@code 99} and 12 digits): none is marked
 * real, because none was checked against the LeiKa; do not take them for the catalogue's keys.
 */
final class ServiceCatalogue {

    /** One service of the catalogue; {@code maturity} is the Reifegrad of its first version. */
    record OfferedService(LeikaKey leikaKey, String name, StateCode providingState, ReuseModel reuse, String topic,
                          int maturity) {
    }

    private static final ReuseModel EFA = ReuseModel.EFA;
    private static final ReuseModel STATE_ONLY = ReuseModel.STATE_ONLY;

    static final List<OfferedService> ALL = List.of(
            service("99108001000001", "Wohngeld", "01", EFA, "Bauen & Wohnen", 3),
            service("99106002000001", "Elterngeld", "04", EFA, "Familie & Kind", 3),
            service("99113001000001", "BAföG", "15", EFA, "Bildung", 3),
            service("99113002000001", "Aufstiegs-BAföG", "15", EFA, "Bildung", 3),
            service("99036003000001", "Kfz-Zulassung (i-Kfz)", "03", EFA, "Mobilität", 4),
            service("99036004000001", "Fahrerlaubnis (Ersterteilung)", "08", EFA, "Mobilität", 2),
            service("99050001000001", "Gewerbeanmeldung", "06", EFA, "Unternehmensführung", 4),
            service("99050002000001", "Gewerbeabmeldung", "06", EFA, "Unternehmensführung", 3),
            service("99050003000001", "Gaststättenerlaubnis", "06", EFA, "Unternehmensführung", 2),
            service("99060001000001", "Baugenehmigung (Digitaler Bauantrag)", "13", EFA, "Bauen & Wohnen", 3),
            service("99060002000001", "Bauantrag im vereinfachten Verfahren", "08", STATE_ONLY, "Bauen & Wohnen", 2),
            service("99060003000001", "Denkmalschutzrechtliche Genehmigung", "16", STATE_ONLY, "Bauen & Wohnen", 1),
            service("99060004000001", "Wohnberechtigungsschein", "11", EFA, "Bauen & Wohnen", 3),
            service("99115001000001", "Wohnsitzanmeldung", "02", EFA, "Umzug", 3),
            service("99115002000001", "Meldebescheinigung", "09", EFA, "Umzug", 4),
            service("99115003000001", "Auskunft aus dem Melderegister", "09", EFA, "Umzug", 4),
            service("99089001000001", "Führungszeugnis", "11", EFA, "Recht & Ordnung", 4),
            service("99089002000001", "Personalausweis (Beantragung)", "16", EFA, "Recht & Ordnung", 2),
            service("99089003000001", "Reisepass (Beantragung)", "16", EFA, "Recht & Ordnung", 2),
            service("99089004000001", "Waffenschein", "14", EFA, "Recht & Ordnung", 2),
            service("99089005000001", "Versammlungsanzeige", "11", STATE_ONLY, "Recht & Ordnung", 3),
            service("99089006000001", "Kirchenaustritt", "14", EFA, "Recht & Ordnung", 2),
            service("99072001000001", "Hundesteuer-Anmeldung", "09", STATE_ONLY, "Steuern & Zoll", 3),
            service("99072002000001", "Zweitwohnungsteuer", "01", STATE_ONLY, "Steuern & Zoll", 2),
            service("99031001000001", "Fischereischein", "12", EFA, "Engagement & Hobby", 3),
            service("99031002000001", "Jagdschein", "12", EFA, "Engagement & Hobby", 2),
            service("99031003000001", "Veranstaltungsgenehmigung", "07", EFA, "Engagement & Hobby", 2),
            service("99031004000001", "Anzeige der Hundehaltung", "03", STATE_ONLY, "Engagement & Hobby", 2),
            service("99010001000001", "Aufenthaltstitel", "02", EFA, "Ein- und Auswanderung", 3),
            service("99010002000001", "Einbürgerung", "02", EFA, "Ein- und Auswanderung", 3),
            service("99010003000001", "Anerkennung ausländischer Berufsqualifikationen", "06", EFA, "Ein- und Auswanderung", 3),
            service("99058001000001", "Sondernutzungserlaubnis", "08", EFA, "Mobilität", 3),
            service("99058002000001", "Bewohnerparkausweis", "02", EFA, "Mobilität", 4),
            service("99058003000001", "Parkerleichterung für Menschen mit Behinderung", "13", EFA, "Mobilität", 2),
            service("99058004000001", "Großraum- und Schwertransporte", "05", EFA, "Mobilität", 4),
            service("99102001000001", "Eheschließung (Anmeldung)", "04", EFA, "Familie & Kind", 2),
            service("99102002000001", "Geburtsurkunde", "04", EFA, "Familie & Kind", 4),
            service("99102003000001", "Sterbeurkunde", "10", EFA, "Familie & Kind", 3),
            service("99102004000001", "Kita-Platz (Betreuungsplatz)", "06", EFA, "Familie & Kind", 3),
            service("99102005000001", "Unterhaltsvorschuss", "05", EFA, "Familie & Kind", 4),
            service("99102006000001", "Leistungen für Bildung und Teilhabe", "16", EFA, "Familie & Kind", 2),
            service("99113003000001", "Schülerbeförderung", "07", STATE_ONLY, "Bildung", 2),
            service("99079001000001", "Schwerbehindertenausweis", "05", EFA, "Gesundheit", 3),
            service("99079002000001", "Hilfe zum Lebensunterhalt", "03", EFA, "Arbeit & Ruhestand", 2),
            service("99083001000001", "Baumfällgenehmigung", "14", EFA, "Umwelt", 2),
            service("99083002000001", "Sperrmüllanmeldung", "07", STATE_ONLY, "Umwelt", 3));

    private ServiceCatalogue() {
    }

    private static OfferedService service(String leika, String name, String state, ReuseModel reuse, String topic,
                                          int maturity) {
        return new OfferedService(LeikaKey.of(leika), name, StateCode.of(state), reuse, topic, maturity);
    }
}
