package id.berdaya.training.enrolment;

import id.berdaya.training.event.TrainingEvent;

/** One training of a person: the event and their participation in it (their training history's row). */
public record Participation(TrainingEvent event, Participant participant) {
}
