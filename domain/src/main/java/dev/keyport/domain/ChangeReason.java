package dev.keyport.domain;

/** Why a change happened. */
public enum ChangeReason {
    /** A caller asked for it. */
    REQUESTED,
    /** The material's expiry passed. */
    MATERIAL_EXPIRED,
    /** A cloud resource was bound, which cancels the material's expiry. */
    CLOUD_RESOURCE_BOUND,
    /** The deletion date of a key pending deletion passed. */
    DELETION_DATE_REACHED
}
