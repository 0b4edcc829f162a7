package de.efa.registry.command.demo.germany;

import de.efa.registry.command.demo.germany.GermanyRegisterPlan.PlannedAdoption;
import de.efa.registry.command.municipality.directory.OfficialDirectory;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ReuseModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Germany seed's plan at full scale, computed from the shipped directory without sending a command. */
class GermanyRegisterPlanTest {

    private static List<Ags> directory;
    private static GermanyRegisterPlan full;

    @BeforeAll
    static void plan() {
        directory = OfficialDirectory.inhabitedMunicipalities();
        full = GermanyRegisterPlan.of(directory, 1.0);
    }

    @Test
    void coversGermanyWithARealisticRegister() {
        assertThat(OfficialDirectory.municipalities()).hasSize(10_981);
        assertThat(directory).as("inhabited").hasSize(10_775);
        assertThat(full.services()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(full.providingStates()).isGreaterThanOrEqualTo(10);
        assertThat(full.services()).extracting(s -> s.offered().reuse()).contains(ReuseModel.EFA, ReuseModel.STATE_ONLY);
        assertThat(full.adoptions()).hasSizeGreaterThanOrEqualTo(200_000);
        assertThat(full.adoptions()).extracting(PlannedAdoption::rollout).contains(GermanyRegisterPlan.Rollout.values());
        assertThat(full.crossBorderAdoptions()).isPositive();
        // the cross-border matrix has all 16 states on both sides
        assertThat(full.adoptions().stream().filter(PlannedAdoption::crossBorder).map(a -> a.service().provider()).distinct()).hasSize(16);
        assertThat(full.adoptions().stream().filter(PlannedAdoption::crossBorder).map(a -> a.ags().state()).distinct()).hasSize(16);
        assertThat(full.retirements()).isNotEmpty();
        assertThat(full.movedByRetirements()).isPositive();
        assertThat(full.terminations()).isNotEmpty();
        assertThat(full.deprecations()).isNotEmpty();
        // every state adopts something, and adoptions start in every year from 2020 to 2026
        assertThat(full.adoptionsByState()).hasSize(16);
        assertThat(full.adoptions().stream().map(a -> a.effectiveFrom().getYear()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        System.out.printf("[germany plan] %d adoptions (%d cross-border), %d terminations, %d retirements moving %d, %d deprecations%n",
                full.adoptions().size(), full.crossBorderAdoptions(), full.terminations().size(), full.retirements().size(),
                full.movedByRetirements(), full.deprecations().size());
    }

    @Test
    void keepsTheRulesOfTheRegister() {
        // plain checks collected, not one assertion per adoption: there are 200,000 of them
        List<String> broken = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (PlannedAdoption a : full.adoptions()) {
            if (!pairs.add(a.ags() + "/" + a.service().id())) {
                broken.add(a + ": a second adoption of the service by the municipality");
            }
            if (!a.service().releasedBy(a.effectiveFrom()).version().equals(a.version())) {
                broken.add(a + ": not the version released by its day");
            }
            if (a.effectiveFrom().isAfter(GermanyRegisterPlan.LAST_DAY)) {
                broken.add(a + ": after 2026");
            }
            if (a.crossBorder() && (a.service().offered().reuse() != ReuseModel.EFA || full.cooperations().stream()
                    .noneMatch(c -> c.sharedFrom(a.service().provider(), a.ags().state())
                            .filter(from -> !from.isAfter(a.effectiveFrom())).isPresent()))) {
                broken.add(a + ": cross-border without EFA and a shared cooperation on its day");
            }
        }
        for (GermanyRegisterPlan.PlannedTermination t : full.terminations()) {
            if (t.endsOn().isBefore(t.adoption().effectiveFrom())) {
                broken.add(t + ": ends before it starts");
            }
        }
        for (GermanyRegisterPlan.PlannedRetirement r : full.retirements()) {
            LocalDate successorReleased = r.service().versions().stream().filter(v -> v.version().equals(r.successor()))
                    .findFirst().orElseThrow().releasedOn();
            if (r.retiredOn().isBefore(successorReleased)) {
                broken.add(r + ": retired before its successor's release");
            }
            full.adoptions().stream().filter(a -> a.service() == r.service() && a.version().equals(r.version())
                    && a.effectiveFrom().isAfter(r.retiredOn())).forEach(a -> broken.add(a + ": starts after its version retires"));
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void isTheSameOnEveryRunAndAReducedScaleIsPartOfTheFullRegister() {
        GermanyRegisterPlan again = GermanyRegisterPlan.of(directory, 1.0);
        assertThat(again.adoptions()).hasSameSizeAs(full.adoptions());
        assertThat(again.adoptions().get(12_345).id()).isEqualTo(full.adoptions().get(12_345).id());
        assertThat(again.services()).extracting(s -> s.id()).isEqualTo(full.services().stream().map(s -> s.id()).toList());

        GermanyRegisterPlan small = GermanyRegisterPlan.of(directory, 0.05);
        Map<String, PlannedAdoption> fullById = full.adoptions().stream().collect(Collectors.toMap(a -> a.id().value(), a -> a));
        assertThat(small.adoptions()).allSatisfy(a -> assertThat(fullById.get(a.id().value())).isEqualTo(a));
        assertThat(small.adoptions().size()).isBetween(full.adoptions().size() / 40, full.adoptions().size() / 10);
        assertThat(small.municipalities()).hasSize(10_775);
        assertThat(small.crossBorderAdoptions()).isPositive();
        assertThat(small.terminations()).isNotEmpty();
        assertThat(small.movedByRetirements()).isPositive();
    }
}
