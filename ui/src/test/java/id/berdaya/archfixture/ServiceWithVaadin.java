package id.berdaya.archfixture;

import com.vaadin.flow.component.notification.Notification;

/** Deliberately broken (architecture test fixture): a module class that uses Vaadin. */
public class ServiceWithVaadin {
    public void tell(String text) {
        Notification.show(text);
    }
}
