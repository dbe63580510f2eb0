package id.berdaya.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page shell: Lumo and Berdaya's own stylesheet (plain CSS, no frontend build), the title and the tab's icon. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/berdaya.css")
@Meta(name = "robots", content = "noindex, nofollow")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Berdaya");
        // the tab's icon (else the browser asks for /favicon.ico on every page and gets a 404)
        settings.addFavIcon("icon", "icons/berdaya.svg", "any");
    }
}
