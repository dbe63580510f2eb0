package id.berdaya.ui.components;

import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import id.berdaya.registry.nik.NameKey;
import org.springframework.stereotype.Component;

/**
 * Every session's error handler: Vaadin's own, given the error with any NIK or KK number in its
 * messages masked, because it logs the message (and a development server shows it). A database
 * error on a duplicate key quotes the value, for example when two operators register the same
 * NIK at the same moment.
 */
@Component
public class NikSafeErrors implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new Handler()));
    }

    /** Vaadin's default handling of an error whose NIKs are masked. */
    public static final class Handler extends DefaultErrorHandler {

        @Override
        public void error(ErrorEvent event) {
            Throwable masked = NameKey.maskNiksIn(event.getThrowable());
            super.error(masked == event.getThrowable() ? event
                    : new ErrorEvent(masked, event.getElement().map(com.vaadin.flow.dom.Element::getNode).orElse(null)));
        }
    }
}
