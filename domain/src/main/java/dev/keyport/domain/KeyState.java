package dev.keyport.domain;

/** The lifecycle state of a CMK. How each vendor spells a state is the business of its adapter. */
public enum KeyState {
    ENABLED,
    DISABLED,
    PENDING_DELETE,
    PENDING_IMPORT
}
