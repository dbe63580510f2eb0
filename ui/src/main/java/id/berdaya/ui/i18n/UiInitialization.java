package id.berdaya.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.user.UserAccount;
import id.berdaya.core.user.UserService;
import id.berdaya.ui.views.ChangePasswordView;
import id.berdaya.ui.views.LoginView;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * For every new UI: the language (the user's stored choice, else the one picked on the login
 * page, else Indonesian), and the rule that a user who must change their password goes to the
 * change-password view before anything else.
 */
@Component
public class UiInitialization implements VaadinServiceInitListener {

    static final String LOCALE = "berdaya.locale";
    static final String MUST_CHANGE = "berdaya.mustChangePassword";
    private final UserService users;

    UiInitialization(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            ui.setLocale(sessionLocale(ui.getSession()));
            ui.addBeforeEnterListener(this::beforeEnter);
        });
    }

    private Locale sessionLocale(VaadinSession session) {
        Object chosen = session.getAttribute(LOCALE);
        if (chosen instanceof Locale l) {
            return l;
        }
        if (CurrentUser.get().isPresent()) {
            UserAccount me = users.myAccount();
            Locale l = BerdayaI18NProvider.supported(Locale.forLanguageTag(me.locale()));
            session.setAttribute(LOCALE, l);
            session.setAttribute(MUST_CHANGE, me.mustChangePassword());
            return l;
        }
        return BerdayaI18NProvider.INDONESIAN;
    }

    private void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (CurrentUser.get().isEmpty() || target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        VaadinSession session = event.getUI().getSession();
        Object must = session.getAttribute(MUST_CHANGE);
        if (must == null) {
            must = users.myAccount().mustChangePassword();
            session.setAttribute(MUST_CHANGE, must);
        }
        if (Boolean.TRUE.equals(must)) {
            event.forwardTo(ChangePasswordView.class);
        }
    }

    /** Switches the language of this session (and of the user, when logged in). */
    public static void switchLocale(UI ui, Locale locale, UserService users) {
        Locale l = BerdayaI18NProvider.supported(locale);
        ui.getSession().setAttribute(LOCALE, l);
        if (CurrentUser.get().isPresent()) {
            users.setMyLocale(l.getLanguage());
        }
        ui.getPage().reload();
    }

    /** After a successful password change. */
    public static void passwordChanged(UI ui) {
        ui.getSession().setAttribute(MUST_CHANGE, false);
    }
}
