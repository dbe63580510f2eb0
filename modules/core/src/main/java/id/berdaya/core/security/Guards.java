package id.berdaya.core.security;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a {@code @PreAuthorize} expression for the current user without calling the method
 * it guards. A service answers "what may this user do" ({@code allowedActions}) with the very
 * expression constants its methods carry, so the buttons a view shows and the calls the service
 * accepts cannot drift apart.
 */
public final class Guards {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

    private Guards() {
    }

    /** Whether the current user passes {@code expression} (e.g. {@code hasAnyRole('A','B')}); false without a user. */
    public static boolean allows(String expression) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            return false;
        }
        SecurityExpressionRoot<Object> root = new SecurityExpressionRoot<>(who) {
        };
        root.setTrustResolver(new AuthenticationTrustResolverImpl());
        Boolean allowed = PARSED.computeIfAbsent(expression, PARSER::parseExpression)
                .getValue(new StandardEvaluationContext(root), Boolean.class);
        return Boolean.TRUE.equals(allowed);
    }
}
