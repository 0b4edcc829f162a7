package de.efa.registry.kernel.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a refusal tells the edge: the rule's name and title, the sentence a person reads. */
class DomainExceptionTest {

    @Test
    void aViolatedRuleNamesItselfAndSaysWhy() {
        RuleViolated refused = new RuleViolated("version-not-active", "Version not active", "Version 1.0.0 is RETIRED");
        assertThat(refused.rule()).isEqualTo("version-not-active");
        assertThat(refused.title()).isEqualTo("Version not active");
        assertThat(refused.detail()).isEqualTo("Version 1.0.0 is RETIRED").isEqualTo(refused.getMessage());
    }

    @Test
    void notFoundAndConflictSayWhat() {
        assertThat(new NotFound("Adoption", "2d9f7a6c").detail()).isEqualTo("Adoption 2d9f7a6c does not exist");
        assertThat(new Conflict("Adoption 2d9f7a6c already exists").detail()).isEqualTo("Adoption 2d9f7a6c already exists");
    }
}
