package de.efa.registry.kernel.authority;

/** How citizens and other authorities reach an authority; either may be absent. */
public record AuthorityContact(String email, String phone) {
}
