package id.berdaya.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import id.berdaya.BerdayaApplication;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

/**
 * Browserless view tests: the whole application context on the embedded MariaDB, Vaadin
 * without a browser, logged in as real (synthetic) users of each role.
 */
@SpringBootTest(classes = BerdayaApplication.class)
abstract class ViewTestSupport extends SpringBrowserlessTest {

    @Autowired
    protected TestAccounts accounts;

    protected BerdayaUser loginAs(String username, Role role, String kabkota) {
        return TestAccounts.loginAs(accounts.ensure(username, role, kabkota));
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /** The labels of the side navigation as the current user sees it. */
    protected List<String> menu() {
        return find(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
