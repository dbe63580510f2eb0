package id.berdaya.ui.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.RuleViolation;
import id.berdaya.ui.components.Feedback;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Asks for the reason to reveal a full number (NIK, KK number, both NIKs of a pair). The service
 * checks the reason and audits the reveal; what it gives is handed to {@code shown}.
 * Texts: {@code key} (title and button) and {@code key.explain}.
 */
final class RevealDialog {

    private RevealDialog() {
    }

    static <T> void open(Component owner, String key, Function<String, T> reveal, Consumer<T> shown) {
        Dialog dialog = new Dialog(owner.getTranslation(key));
        TextField reason = new TextField(owner.getTranslation("registry.reveal.reason"));
        reason.setId("reveal-reason");
        reason.setWidthFull();
        dialog.add(new Paragraph(owner.getTranslation(key + ".explain")), reason);
        Button ok = new Button(owner.getTranslation(key), e -> {
            try {
                shown.accept(reveal.apply(reason.getValue()));
                dialog.close();
            } catch (RuleViolation v) {
                Feedback.show(owner, v, Map.of("reason", reason));
            }
        });
        ok.setId("reveal-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(owner.getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }
}
