package de.efa.registry.command.support;

import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryProblem;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by its HTTP status and problem type (the rule's name). */
public final class Problems {

    private Problems() {
    }

    public static Matcher<RegistryProblem> problem(int status, String type) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return problem.status().value() == status && problem.type().equals(ProblemTypes.of(type));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + status + " problem of type " + type);
            }

            @Override
            protected void describeMismatchSafely(RegistryProblem problem, Description mismatch) {
                mismatch.appendText("was " + problem.status().value() + " " + problem.type() + ": " + problem.getMessage());
            }
        };
    }
}
