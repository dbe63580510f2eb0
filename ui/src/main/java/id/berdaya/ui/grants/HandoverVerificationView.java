package id.berdaya.ui.grants;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.PublicCheckLimiter;
import id.berdaya.grants.handover.HandoverCheck;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.ui.components.BoundedUploadHandler;
import id.berdaya.ui.components.WidgetTexts;

import java.util.Optional;

/**
 * The public check of a handover record (BAST), where its QR code points ({@code /verifikasi/bast/<code>}),
 * without login: valid or void, number, date and kabupaten/kota, nothing else (no person, no category,
 * no NIK, no photo), and whether a given file is the signed scan kept for it (by SHA-256). Rate-limited
 * per client address: a visit counts once, also when {@code /verifikasi/<code>} forwarded it here
 * ({@link #forward}); each file checked counts too. Like every page, {@code noindex} (AppShell).
 */
@Route(value = "verifikasi/bast/:code", autoLayout = false)
@AnonymousAllowed
public class HandoverVerificationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final HandoverService handovers;
    private final PublicCheckLimiter limiter;
    private final Div result = new Div();

    public HandoverVerificationView(HandoverService handovers, PublicCheckLimiter limiter) {
        this.handovers = handovers;
        this.limiter = limiter;
        addClassName("berdaya-verification");
        setAlignItems(Alignment.CENTER);
        result.setId("verification-result");
        add(new H1(getTranslation("verify.bast.title")), result);
    }

    /** Forwards a visit already counted (a BAST's code opened at {@code /verifikasi/<code>}) here, where it is not counted again. */
    public static void forward(BeforeEnterEvent event, PublicCheckLimiter.Visit visit) {
        ComponentUtil.setData(event.getUI(), PublicCheckLimiter.Visit.class, visit);
        event.forwardTo(HandoverVerificationView.class, new RouteParameters("code", visit.code()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        VaadinRequest request = VaadinRequest.getCurrent();
        result.removeAll();
        PublicCheckLimiter.Visit visit = ComponentUtil.getData(event.getUI(), PublicCheckLimiter.Visit.class);
        ComponentUtil.setData(event.getUI(), PublicCheckLimiter.Visit.class, null);
        if (visit == null || !visit.code().equals(code)) {
            visit = limiter.visit(request == null ? null : request.getRemoteAddr(), code);
        }
        Optional<HandoverCheck> check;
        try {
            check = handovers.verify(visit);
        } catch (RuleViolation tooMany) {
            result.add(new Span(getTranslation("grants.verify.tooMany")));
            return;
        }
        if (check.isEmpty()) {
            result.add(new Span(getTranslation("verify.bast.notFound")), new Paragraph(getTranslation("verify.bast.notFoundHint")));
            return;
        }
        HandoverCheck c = check.get();
        Span valid = new Span(getTranslation(c.voided() ? "verify.bast.voided" : "verify.bast.valid"));
        valid.setId(c.voided() ? "verify-voided" : "verify-valid");
        valid.getElement().getThemeList().add(c.voided() ? "badge error" : "badge success");
        result.add(valid, new Paragraph(getTranslation("verify.number") + ": " + c.number()),
                new Paragraph(getTranslation("verify.dates") + ": " + IndonesianFormat.date(c.handedOn())),
                new Paragraph(getTranslation("verify.issuer") + ": " + c.issuer()), fileCheck(code));
    }

    /** Whether a file (the signed scan someone holds) is the one kept for this record, by its SHA-256; the file is not kept. */
    private Div fileCheck(String code) {
        Div part = new Div();
        Span answer = new Span();
        answer.setId("verify-file-answer");
        Upload upload = WidgetTexts.upload(new Upload(new BoundedUploadHandler(HandoverService.MAX_SCAN_BYTES, (event, body) -> {
            UI ui = event.getUI();
            byte[] bytes = body.readAllBytes();
            String key;
            try {
                key = handovers.fileMatches(code, bytes, event.getRequest().getRemoteAddr())
                        .map(same -> same ? "verify.bast.fileMatches" : "verify.bast.fileDiffers").orElse("verify.bast.notFound");
            } catch (RuleViolation tooMany) {
                key = "grants.verify.tooMany";
            }
            String shown = key;
            ui.access(() -> answer.setText(getTranslation(shown)));
        }, () -> answer.setText(getTranslation("grants.handover.scanTooLarge", HandoverService.MAX_SCAN_BYTES / (1024 * 1024))))));
        upload.setId("verify-file");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation("verify.bast.file")));
        part.add(new Paragraph(getTranslation("verify.bast.fileHint")), upload, answer);
        return part;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.bast.title") + " · Berdaya";
    }
}
