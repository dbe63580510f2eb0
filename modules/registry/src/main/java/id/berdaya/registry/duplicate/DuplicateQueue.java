package id.berdaya.registry.duplicate;

import id.berdaya.registry.beneficiary.PossibleDuplicate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Queues the pairs the register finds alike, in the registering transaction (a synchronous listener). */
@Component
class DuplicateQueue {

    private final DuplicateRepository duplicates;

    DuplicateQueue(DuplicateRepository duplicates) {
        this.duplicates = duplicates;
    }

    @EventListener
    void queue(PossibleDuplicate pair) {
        duplicates.open(pair.beneficiaryId(), pair.otherId(), pair.kabkotaCode(), pair.reason());
    }
}
