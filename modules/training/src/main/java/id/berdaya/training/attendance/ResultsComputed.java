package id.berdaya.training.attendance;

import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.TrainingEvent;

import java.util.List;

/** Published in the closing transaction once every result is computed: the certificate package issues from it. */
public record ResultsComputed(TrainingEvent event, List<Participant> completed, List<Participant> notCompleted) {
}
