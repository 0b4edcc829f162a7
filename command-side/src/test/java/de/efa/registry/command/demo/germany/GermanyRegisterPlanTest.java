package de.efa.registry.command.demo.germany;

import de.efa.registry.command.demo.germany.GermanyRegisterPlan.PlannedAdoption;
import de.efa.registry.command.municipality.OfficialDirectory;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ReuseModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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
        Set<String> pairs = new HashSet<>();
        for (PlannedAdoption a : full.adoptions()) {
            assertThat(pairs.add(a.ags() + "/" + a.service().id())).as("one adoption per municipality and service").isTrue();
            assertThat(a.service().releasedBy(a.effectiveFrom()).version()).as("no version serves before its release")
                    .isEqualTo(a.version());
            assertThat(a.effectiveFrom()).isBeforeOrEqualTo(GermanyRegisterPlan.LAST_DAY);
            if (a.crossBorder()) {
                assertThat(a.service().offered().reuse()).isEqualTo(ReuseModel.EFA);
                assertThat(full.cooperations()).anySatisfy(c -> assertThat(c.sharedFrom(a.service().provider(), a.ags().state()))
                        .hasValueSatisfying(from -> assertThat(from).isBeforeOrEqualTo(a.effectiveFrom())));
            }
        }
        for (GermanyRegisterPlan.PlannedTermination t : full.terminations()) {
            assertThat(t.endsOn()).isAfterOrEqualTo(t.adoption().effectiveFrom());
        }
        for (GermanyRegisterPlan.PlannedRetirement r : full.retirements()) {
            LocalDate successorReleased = r.service().versions().stream().filter(v -> v.version().equals(r.successor()))
                    .findFirst().orElseThrow().releasedOn();
            assertThat(r.retiredOn()).isAfterOrEqualTo(successorReleased);
            assertThat(full.adoptions().stream().filter(a -> a.service() == r.service() && a.version().equals(r.version())))
                    .allSatisfy(a -> assertThat(a.effectiveFrom()).isBeforeOrEqualTo(r.retiredOn()));
        }
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
