package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.berdaya.core.user.UserService;
import id.berdaya.ui.i18n.BerdayaI18NProvider;
import id.berdaya.ui.i18n.UiInitialization;


/** Log in, in Indonesian (English on request). Spring Security handles the form post. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(UserService users) {
        addClassName("berdaya-login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());

        Button indonesian = new Button(getTranslation("lang.id"), e -> UiInitialization.switchLocale(getUI().orElseThrow(), BerdayaI18NProvider.INDONESIAN, users));
        Button english = new Button(getTranslation("lang.en"), e -> UiInitialization.switchLocale(getUI().orElseThrow(), BerdayaI18NProvider.ENGLISH, users));
        indonesian.setId("lang-id");
        english.setId("lang-en");
        indonesian.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        english.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout languages = new HorizontalLayout(indonesian, new Div("·"), english);
        languages.setAlignItems(FlexComponent.Alignment.CENTER);

        notice.addClassName("berdaya-login-notice");
        notice.setVisible(false);
        Paragraph privacy = new Paragraph(getTranslation("login.demoHint"));
        privacy.addClassName("berdaya-login-privacy");

        add(new H1(getTranslation("login.title")), new Paragraph(getTranslation("login.description")), notice, form, languages, privacy);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.form.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        form.setError(params.containsKey("error"));
        if (params.containsKey("expired")) {
            notice.setText(getTranslation("login.expired"));
            notice.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.form.title") + " · Berdaya";
    }

}
