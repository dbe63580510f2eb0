package id.berdaya.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page shell: Lumo and Berdaya's own stylesheet (plain CSS, no frontend build). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/berdaya.css")
@Meta(name = "robots", content = "noindex, nofollow")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Berdaya");
    }
}
