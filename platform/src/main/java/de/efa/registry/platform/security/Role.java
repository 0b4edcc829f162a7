package de.efa.registry.platform.security;

/** What a caller may do: OWNER writes for its own state, AUDITOR reads history, ANALYST reads statistics, ADMIN all. */
public enum Role {
    OWNER,
    AUDITOR,
    ANALYST,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
