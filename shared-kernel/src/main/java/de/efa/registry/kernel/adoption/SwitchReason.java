package de.efa.registry.kernel.adoption;

/** Why an adoption moved to another version: the owner asked, or the retirement process migrated it. */
public enum SwitchReason {
    REQUESTED,
    RETIREMENT_MIGRATION
}
