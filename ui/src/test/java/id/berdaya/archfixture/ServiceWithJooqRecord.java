package id.berdaya.archfixture;

import id.berdaya.db.tables.records.AppUserRecord;
import org.springframework.stereotype.Service;

/** Deliberately broken (architecture test fixture): a service that handles a jOOQ record and stores it. */
@Service
public class ServiceWithJooqRecord {
    public void rename(AppUserRecord user, String name) {
        user.setFullName(name);
        user.store();
    }
}
