package id.berdaya.training.event;

/** What a training event teaches. */
public enum EventKind {
    ENTREPRENEURSHIP, LIVESTOCK, SKILLS, OTHER
}
