package id.berdaya.core.user;

import id.berdaya.core.database.EmbeddedMariaDb;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The demo profile publishes passwords and seeds synthetic people, so it refuses, before the
 * application serves anything, a database that is not Berdaya's embedded one, or one that holds
 * real users: any account not marked {@code demo}, except a first-run {@code admin} that nobody
 * has logged in with yet. A database emptied at this start ({@code berdaya.embedded.fresh},
 * which the tests use) cannot hold real users from before.
 */
@Component
@Profile("demo")
class DemoProfileGuard implements InitializingBean {

    private final ObjectProvider<EmbeddedMariaDb> embedded;
    private final UserRepository users;
    private final Environment env;

    DemoProfileGuard(ObjectProvider<EmbeddedMariaDb> embedded, UserRepository users, Environment env) {
        this.embedded = embedded;
        this.users = users;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        String url = env.getProperty("spring.datasource.url");
        boolean isEmbedded = embedded.getIfAvailable() != null && (url == null || url.isBlank());
        boolean fresh = isEmbedded && env.getProperty("berdaya.embedded.fresh", Boolean.class, false);
        check(isEmbedded, fresh ? List.of() : users.realUserNames(FirstRunAdmin.USERNAME, 5));
    }

    /** Refuses the demo profile on an external database, or on one with real users. */
    static void check(boolean embeddedDatabase, List<String> realUsers) {
        if (!embeddedDatabase) {
            throw new IllegalStateException("The demo profile runs only on Berdaya's embedded database: "
                    + "remove spring.datasource.url, or start without the demo profile");
        }
        if (!realUsers.isEmpty()) {
            throw new IllegalStateException("The demo profile refuses a database with real users (" + String.join(", ", realUsers)
                    + (realUsers.size() >= 5 ? ", ..." : "") + "): start without the demo profile, "
                    + "or give the demo its own database (--berdaya.embedded.dir=...)");
        }
    }
}
