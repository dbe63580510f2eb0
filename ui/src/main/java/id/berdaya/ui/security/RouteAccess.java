package id.berdaya.ui.security;

import id.berdaya.core.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;

/**
 * Whether the current user may open a view, read from the same access annotation that Vaadin's
 * navigation access control enforces, so the menu never offers what navigation would refuse.
 */
public final class RouteAccess {

    private RouteAccess() {
    }

    public static boolean canOpen(Class<?> view) {
        var user = CurrentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        if (view.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        return roles != null && Arrays.asList(roles.value()).contains(user.get().role().name());
    }
}
