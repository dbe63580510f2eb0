package id.berdaya.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** All user-visible text: Indonesian first, English second, from {@code vaadin-i18n/translations_*.properties}. */
@Component
public class BerdayaI18NProvider implements I18NProvider {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> LOCALES = List.of(INDONESIAN, ENGLISH);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale l = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle("vaadin-i18n/translations", l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, l).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    /** The supported locale closest to the given one (Indonesian unless English was asked for). */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : INDONESIAN;
    }
}
