package de.efa.registry.platform.security;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.platform.web.RegistryProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of a request, independent of how it authenticated (HTTP Basic demo principal or JWT): its name, roles
 * and — for a service owner — the state it acts for. Authorities carry them as {@code ROLE_x} and {@code STATE_nn}.
 */
public record RegistryUser(String name, Set<Role> roles, Optional<StateCode> state) {

    public static final String STATE_AUTHORITY_PREFIX = "STATE_";

    public static RegistryUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        return from(authentication);
    }

    public static RegistryUser from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        StateCode state = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            for (Role role : Role.values()) {
                if (role.authority().equals(name)) {
                    roles.add(role);
                }
            }
            if (name.startsWith(STATE_AUTHORITY_PREFIX)) {
                state = StateCode.of(name.substring(STATE_AUTHORITY_PREFIX.length()));
            }
        }
        return new RegistryUser(authentication.getName(), roles, Optional.ofNullable(state));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** ADMIN acts for every state, an OWNER only for its own. */
    public boolean mayActFor(StateCode stateCode) {
        return isAdmin() || (roles.contains(Role.OWNER) && state.filter(stateCode::equals).isPresent());
    }

    public void requireMayActFor(StateCode stateCode) {
        if (!mayActFor(stateCode)) {
            throw RegistryProblem.forbidden(name + " may not act for state " + stateCode + ": this needs the role OWNER"
                    + " of state " + stateCode + " or ADMIN");
        }
    }
}
