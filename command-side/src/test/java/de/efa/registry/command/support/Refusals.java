package de.efa.registry.command.support;

import de.efa.registry.kernel.common.Conflict;
import de.efa.registry.kernel.common.DomainException;
import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.function.Predicate;

/** Matches the domain's refusals: the rule a command broke by its name, a conflict, an unknown reference. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<DomainException> ruleViolated(String rule) {
        return refusal("the rule " + rule + " violated", e -> e instanceof RuleViolated r && r.rule().equals(rule));
    }

    public static Matcher<DomainException> conflict() {
        return refusal("a conflict", e -> e instanceof Conflict);
    }

    public static Matcher<DomainException> notFound() {
        return refusal("something not found", e -> e instanceof NotFound);
    }

    private static Matcher<DomainException> refusal(String expected, Predicate<DomainException> matches) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return matches.test(refusal);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(expected);
            }

            @Override
            protected void describeMismatchSafely(DomainException refusal, Description mismatch) {
                String rule = refusal instanceof RuleViolated r ? " of rule " + r.rule() : "";
                mismatch.appendText("was " + refusal.getClass().getSimpleName() + rule + ": " + refusal.getMessage());
            }
        };
    }
}
