package id.berdaya.training.certificate;

import id.berdaya.training.attendance.ResultsComputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Issues certificates in the closing transaction, once the results are computed. */
@Component
class Issuing {

    private final CertificateService certificates;

    Issuing(CertificateService certificates) {
        this.certificates = certificates;
    }

    @EventListener
    void computed(ResultsComputed computed) {
        certificates.issue(computed);
    }
}
