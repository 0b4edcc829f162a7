package de.efa.registry.query;

import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.service.ReuseModel;

import java.time.LocalDate;

/** A small register: three municipalities in two states, two services, a cooperation, adoptions with a history. */
public final class Scenario {

    public final String wohngeld;
    public final String hundesteuer;
    public final String cooperation;
    public final String erfurtWohngeld;
    public final String muenchenWohngeld;
    public final String muenchenHund;
    public final long last;

    public Scenario(RegistryHistory history) {
        history.municipality("16051000", "Erfurt, Stadt", 214_969);
        history.municipality("16055000", "Weimar, Stadt", 65_000);
        history.municipality("09162000", "München, Landeshauptstadt", 1_512_491);
        history.municipality("09999001", "Altdorf", 100);
        history.dissolve("09999001");
        cooperation = history.cooperation("EfA-Verbund Mitte", LocalDate.of(2022, 1, 1), "16", "09");
        history.join(cooperation, "03", LocalDate.of(2022, 6, 1));
        history.leave(cooperation, "03", LocalDate.of(2023, 6, 1));
        wohngeld = history.service("99123456789012", "Wohngeld", "09", ReuseModel.EFA);
        history.publish(wohngeld, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        history.publish(wohngeld, "2.0.0", 4, LocalDate.of(2024, 1, 1));
        hundesteuer = history.service("99123456789099", "Hundesteuer, online", "16", ReuseModel.EFA);
        history.publish(hundesteuer, "1.0.0", 2, LocalDate.of(2023, 1, 1));
        erfurtWohngeld = history.adopt("16051000", wohngeld, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        muenchenWohngeld = history.adopt("09162000", wohngeld, "1.0.0", "09", LocalDate.of(2023, 3, 15));
        history.adopt("16055000", wohngeld, "1.0.0", "09", LocalDate.of(2023, 4, 1));
        muenchenHund = history.adopt("09162000", hundesteuer, "1.0.0", "16", LocalDate.of(2023, 4, 2));
        history.deprecate(wohngeld, "1.0.0", LocalDate.of(2024, 6, 30), "2.0.0");
        history.switchVersion("16051000", erfurtWohngeld, wohngeld, "1.0.0", "2.0.0", LocalDate.of(2024, 2, 1),
                SwitchReason.REQUESTED);
        history.retire(wohngeld, "1.0.0", LocalDate.of(2024, 7, 1), "2.0.0");
        history.switchVersion("09162000", muenchenWohngeld, wohngeld, "1.0.0", "2.0.0", LocalDate.of(2024, 7, 1),
                SwitchReason.RETIREMENT_MIGRATION);
        last = history.end("16055000", adoptionOf(history, "16055000"), wohngeld, LocalDate.of(2024, 3, 1));
    }

    private static String adoptionOf(RegistryHistory history, String ags) {
        return history.published().stream().map(m -> m.getPayload())
                .filter(p -> p instanceof de.efa.registry.kernel.adoption.AdoptionStarted s && s.ags().value().equals(ags))
                .map(p -> ((de.efa.registry.kernel.adoption.AdoptionStarted) p).adoptionId().value())
                .findFirst().orElseThrow();
    }
}
