package id.berdaya.training.attendance;

import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventClosed;
import id.berdaya.training.event.EventReopened;
import id.berdaya.training.event.TrainingEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes every enrolled participant's result when an event is closed (in the closing transaction) and
 * clears them when it is reopened. Then publishes {@link ResultsComputed} for the certificates.
 */
@Component
class Closing {

    private final AttendanceRepository attendance;
    private final ResultRepository results;
    private final EnrolmentService enrolment;
    private final ApplicationEventPublisher publisher;

    Closing(AttendanceRepository attendance, ResultRepository results, EnrolmentService enrolment,
            ApplicationEventPublisher publisher) {
        this.attendance = attendance;
        this.enrolment = enrolment;
        this.results = results;
        this.publisher = publisher;
    }

    @EventListener
    void closed(EventClosed closed) {
        TrainingEvent e = closed.event();
        CompletionRule rule = e.rule();
        Map<Long, Integer> attended = attendance.attended(closed.sessionIds());
        Map<Long, ParticipantResult> scores = results.ofEvent(e.id());
        List<Participant> completed = new ArrayList<>();
        List<Participant> notCompleted = new ArrayList<>();
        List<ResultRepository.Computed> computed = new ArrayList<>();
        List<Participant> enrolled = enrolment.participants(e.id()).stream()
                .filter(p -> p.status() == ParticipantStatus.ENROLLED).toList();
        for (Participant p : enrolled) {
            ParticipantResult s = scores.get(p.id());
            CompletionRule.Judgement j = rule.judge(attended.getOrDefault(p.id(), 0), closed.sessionIds().size(),
                    s == null ? null : s.postScore());
            computed.add(new ResultRepository.Computed(p, j.attendancePct(), j.completed(), j.reasons()));
            (j.completed() ? completed : notCompleted).add(p);
        }
        results.results(e.kabkotaCode(), computed, e.endDate());
        publisher.publishEvent(new ResultsComputed(e, completed, notCompleted));
    }

    @EventListener
    void reopened(EventReopened reopened) {
        results.clear(reopened.eventId(), reopened.kabkotaCode());
    }
}
