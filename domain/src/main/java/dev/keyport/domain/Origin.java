package dev.keyport.domain;

/** Where a key's material comes from. */
public enum Origin {
    /** Keyport generated the material when the key was created (each vendor names this origin its own way). */
    KEYPORT,
    /** The owner imports the material (BYOK); the key starts with none. */
    EXTERNAL
}
