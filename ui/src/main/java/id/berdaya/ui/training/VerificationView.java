package id.berdaya.ui.training;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.ui.grants.HandoverVerificationView;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.PublicCheckLimiter;
import id.berdaya.training.certificate.CertificateCheck;
import id.berdaya.training.certificate.CertificateService;

import java.util.Optional;

/**
 * The public check of a certificate, where its QR code points ({@code /verifikasi/<code>}), without
 * login: valid or revoked, number, holder's name, public title, dates and the issuing
 * kabupaten/kota, nothing else. A handover record's (BAST) code is forwarded to its own check. One
 * visit counts once against the client address ({@link PublicCheckLimiter.Visit}), however many
 * records it looks the code up in; like every page, {@code noindex} (AppShell).
 */
@Route(value = "verifikasi/:code", autoLayout = false)
@AnonymousAllowed
public class VerificationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CertificateService certificates;
    private final HandoverService handovers;
    private final PublicCheckLimiter limiter;
    private final Div result = new Div();

    public VerificationView(CertificateService certificates, HandoverService handovers, PublicCheckLimiter limiter) {
        this.certificates = certificates;
        this.handovers = handovers;
        this.limiter = limiter;
        addClassName("berdaya-verification");
        setAlignItems(Alignment.CENTER);
        result.setId("verification-result");
        add(new H1(getTranslation("verify.title")), result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        VaadinRequest request = VaadinRequest.getCurrent();
        result.removeAll();
        PublicCheckLimiter.Visit visit = limiter.visit(request == null ? null : request.getRemoteAddr(), code);
        Optional<CertificateCheck> check;
        try {
            check = certificates.verify(visit);
        } catch (RuleViolation tooMany) {
            result.add(status("verify.tooMany", "training.verify.tooMany"));
            return;
        }
        if (check.isEmpty()) {
            if (handovers.verify(visit).isPresent()) { // a BAST's code: its own check, at /verifikasi/bast/{code}, in the same visit
                HandoverVerificationView.forward(event, visit);
                return;
            }
            result.add(status("verify.notFound", "verify.notFound"), new Paragraph(getTranslation("verify.notFoundHint")));
            return;
        }
        CertificateCheck c = check.get();
        result.add(status(c.valid() ? "verify.valid" : "verify.revoked", c.valid() ? "verify.valid" : "verify.revoked"),
                line("verify.number", c.number()),
                line("verify.holder", c.holderName()),
                line("verify.training", c.publicTitle()),
                line("verify.dates", c.startDate().equals(c.endDate()) ? IndonesianFormat.date(c.startDate())
                        : IndonesianFormat.date(c.startDate()) + " – " + IndonesianFormat.date(c.endDate())),
                line("verify.issuer", c.issuer()));
    }

    private Span status(String id, String key) {
        Span s = new Span(getTranslation(key));
        s.setId(id.replace('.', '-'));
        s.getElement().getThemeList().add(id.endsWith("valid") ? "badge success" : "badge error");
        return s;
    }

    private Paragraph line(String key, String value) {
        Paragraph p = new Paragraph(getTranslation(key) + ": " + value);
        p.setId(key.replace('.', '-'));
        return p;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " · Berdaya";
    }
}
