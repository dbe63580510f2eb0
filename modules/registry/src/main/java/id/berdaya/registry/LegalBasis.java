package id.berdaya.registry;

/** Legal basis of processing (UU 27/2022): the office's public task, or recorded consent. */
public enum LegalBasis {
    PUBLIC_TASK, CONSENT
}
