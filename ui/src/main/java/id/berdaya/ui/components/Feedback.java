package id.berdaya.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import id.berdaya.core.RuleViolation;

import java.util.Map;

/** Messages to the user: notifications, and a service's rule violations shown beside their fields. */
public final class Feedback {

    private Feedback() {
    }

    public static void success(Component source, String key, Object... args) {
        Notification n = Notification.show(source.getTranslation(key, args), 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(Component source, String key, Object... args) {
        Notification n = Notification.show(source.getTranslation(key, args), 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Shows each problem beside its field (by the field name the service used); problems without
     * a known field become one error notification. The form keeps what the user typed.
     */
    public static void show(Component source, RuleViolation violation, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        StringBuilder general = new StringBuilder();
        for (RuleViolation.Problem p : violation.problems()) {
            String text = source.getTranslation(p.key(), p.args().toArray());
            HasValidation field = p.field() == null ? null : fields.get(p.field());
            if (field != null) {
                String before = field.getErrorMessage();
                field.setErrorMessage(before == null || before.isBlank() ? text : before + " " + text);
                field.setInvalid(true);
            } else {
                general.append(general.isEmpty() ? "" : " ").append(text);
            }
        }
        if (!general.isEmpty()) {
            Notification n = Notification.show(general.toString(), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
